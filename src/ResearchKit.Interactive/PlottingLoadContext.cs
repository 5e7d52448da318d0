using System.Reflection;
using System.Runtime.Loader;

namespace ResearchKit.Interactive;

/// <summary>
/// An AssemblyLoadContext that resolves every assembly it can from one folder first (the plotting folder, with its
/// own FSharp.Core 10.1 and ResearchKit), and leaves the rest (the framework) to the default context.
/// Not collectible: it lives as long as the notebook kernel.
/// </summary>
internal sealed class PlottingLoadContext(string folder) : AssemblyLoadContext("ResearchKit.Plotting", isCollectible: false)
{
    public string Folder { get; } = folder;

    protected override Assembly? Load(AssemblyName name)
    {
        string path = Path.Combine(Folder, name.Name + ".dll");
        return File.Exists(path) ? LoadFromAssemblyPath(path) : null;
    }
}
