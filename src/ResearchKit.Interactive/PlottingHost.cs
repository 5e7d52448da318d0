using System.Reflection;
using System.Runtime.ExceptionServices;

namespace ResearchKit.Interactive;

/// <summary>
/// The plotting assembly loaded into its own <see cref="System.Runtime.Loader.AssemblyLoadContext"/> and reached by
/// reflection through <c>ResearchKit.Plotting.HtmlEntry</c>, whose members take and return only strings and string
/// arrays: no F# or Plotly.NET type crosses into the caller's context, so the caller can run with any FSharp.Core
/// (the notebook host's 10.0) while the charts are drawn with Plotly.NET 6 on FSharp.Core 10.1.
/// </summary>
public sealed class PlottingHost
{
    /// <summary>The files a plotting folder must hold.</summary>
    public static IReadOnlyList<string> RequiredFiles { get; } =
        ["ResearchKit.Plotting.dll", "Plotly.NET.dll", "FSharp.Core.dll", "ResearchKit.dll"];

    /// <summary>Environment variable that points at a plotting folder, overriding the search.</summary>
    public const string FolderVariable = "RESEARCHKIT_PLOTTING_DIR";

    private static readonly Lazy<PlottingHost> shared = new(() => new PlottingHost(Locate()));

    private readonly MethodInfo fragment, libraryScript, page, version;
    private readonly Lazy<string> library;

    public string Folder { get; }
    /// <summary>The plotting assembly as loaded (in its own context).</summary>
    public Assembly PlottingAssembly { get; }

    public PlottingHost(string folder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        Folder = Path.GetFullPath(folder);
        var missing = RequiredFiles.Where(f => !File.Exists(Path.Combine(Folder, f))).ToArray();
        if (missing.Length > 0)
            throw new FileNotFoundException(
                $"plotting folder '{Folder}' lacks {string.Join(", ", missing)}; build the kit first (dotnet build -c Release)");
        var context = new PlottingLoadContext(Folder);
        PlottingAssembly = context.LoadFromAssemblyPath(Path.Combine(Folder, "ResearchKit.Plotting.dll"));
        var entry = PlottingAssembly.GetType("ResearchKit.Plotting.HtmlEntry", throwOnError: true)!;
        fragment = Method(entry, "Fragment", typeof(string), typeof(string[]));
        libraryScript = Method(entry, "LibraryScript");
        page = Method(entry, "Page", typeof(string), typeof(string));
        version = Method(entry, "PlotlyJsVersion");
        library = new(() => (string)Invoke(libraryScript, []));
    }

    /// <summary>One host per process, on the folder <see cref="Locate"/> finds.</summary>
    public static PlottingHost Shared => shared.Value;

    /// <summary>
    /// The plotting folder: <c>$RESEARCHKIT_PLOTTING_DIR</c>; else <c>plotting/</c> next to this assembly (the build
    /// puts it there and in artifacts/notebook/); else <c>artifacts/notebook/plotting</c> above this assembly or the
    /// current directory.
    /// </summary>
    public static string Locate()
    {
        var looked = new List<string>();
        if (Environment.GetEnvironmentVariable(FolderVariable) is { Length: > 0 } fromEnv)
        {
            if (IsPlottingFolder(fromEnv)) return fromEnv;
            looked.Add(fromEnv + $" (from {FolderVariable})");
        }
        string here = Path.GetDirectoryName(typeof(PlottingHost).Assembly.Location) ?? AppContext.BaseDirectory;
        string next = Path.Combine(here, "plotting");
        if (IsPlottingFolder(next)) return next;
        looked.Add(next);
        foreach (string start in new[] { here, Directory.GetCurrentDirectory() })
            for (var d = new DirectoryInfo(start); d is not null; d = d.Parent)
            {
                string candidate = Path.Combine(d.FullName, "artifacts", "notebook", "plotting");
                if (IsPlottingFolder(candidate)) return candidate;
                if (!looked.Contains(candidate)) looked.Add(candidate);
            }
        throw new DirectoryNotFoundException(
            "no plotting folder (ResearchKit.Plotting.dll + Plotly.NET.dll + FSharp.Core.dll + ResearchKit.dll) found; "
            + $"run `dotnet build -c Release` in the repository or set {FolderVariable}. Looked in:\n  " + string.Join("\n  ", looked));
    }

    private static bool IsPlottingFolder(string folder) =>
        Directory.Exists(folder) && RequiredFiles.All(f => File.Exists(Path.Combine(folder, f)));

    /// <summary>The chart of <paramref name="kind"/> as a div + script that draws once window.Plotly exists.</summary>
    public string Fragment(string kind, params string[] arguments) => (string)Invoke(fragment, [kind, arguments]);

    /// <summary>A script tag that defines window.Plotly from the inlined plotly.js (about 3.5 MB; computed once).</summary>
    public string LibraryScript() => library.Value;

    /// <summary>A complete offline HTML page around a fragment.</summary>
    public string Page(string fragmentHtml, string title) => (string)Invoke(page, [fragmentHtml, title]);

    public string PlotlyJsVersion => (string)Invoke(version, []);

    /// <summary>The FSharp.Core the plotting context bound (10.1 when the folder is right).</summary>
    public Version? FSharpCoreVersion =>
        PlottingAssembly.GetReferencedAssemblies().FirstOrDefault(a => a.Name == "FSharp.Core") is { } name
            ? System.Runtime.Loader.AssemblyLoadContext.GetLoadContext(PlottingAssembly)!.LoadFromAssemblyName(name).GetName().Version
            : null;

    private static MethodInfo Method(Type type, string name, params Type[] parameters) =>
        type.GetMethod(name, BindingFlags.Public | BindingFlags.Static, parameters)
        ?? throw new MissingMethodException(type.FullName, name);

    private static object Invoke(MethodInfo method, object?[] arguments)
    {
        try
        {
            return method.Invoke(null, arguments) ?? throw new InvalidOperationException($"{method.Name} returned null");
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            ExceptionDispatchInfo.Capture(e.InnerException).Throw();
            throw; // unreachable
        }
    }
}
