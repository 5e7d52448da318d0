namespace ResearchKit.Plotting

open System
open System.IO
open System.Reflection
open Plotly.NET
open ResearchKit

/// Chart → HTML with plotly.js embedded (never fetched from a CDN), so the output opens offline.
[<AbstractClass; Sealed>]
type Html =

    static let library =
        lazy
            (let asm = typeof<GenericChart>.Assembly
             let name = $"Plotly.NET.plotly-{Globals.PLOTLYJS_VERSION}.min.js"
             use stream =
                 match asm.GetManifestResourceStream name with
                 | null -> failwith $"plotly.js resource '{name}' not found in {asm.FullName}"
                 | s -> s
             use reader = new StreamReader(stream)
             reader.ReadToEnd())

    /// The plotly.js version the charts are drawn with.
    static member PlotlyJsVersion = Globals.PLOTLYJS_VERSION

    /// The minified plotly.js source Plotly.NET ships (about 3.5 MB).
    static member PlotlyJs: string = library.Force()

    /// A complete HTML document with plotly.js inlined in a script tag.
    static member Document(chart: GenericChart) : string =
        chart
        |> Chart.withDisplayOptionsStyle (PlotlyJSReference = PlotlyJSReference.Full)
        |> GenericChart.toEmbeddedHTML

    /// Writes <see cref="Document"/> to <paramref name="path"/> atomically (temp file, then one rename).
    static member Save(chart: GenericChart, path: string) : unit =
        ArgumentException.ThrowIfNullOrWhiteSpace path
        AtomicFile.WriteAllText(path, Html.Document chart)

    /// A script tag that defines window.Plotly from the inlined library. The library is wrapped in a function
    /// that hides define/module/exports: with require.js on the page (classic Jupyter) the UMD header would
    /// otherwise register an AMD module and leave window.Plotly undefined.
    static member LibraryScript() : string =
        "<script type=\"text/javascript\">(function(){var define=undefined,module=undefined,exports=undefined;\n"
        + library.Force()
        + "\n}).call(window);</script>"

    /// A complete HTML page around a <see cref="Fragment"/>, with plotly.js inlined before it.
    static member Page(fragment: string, [<System.Runtime.InteropServices.Optional; System.Runtime.InteropServices.DefaultParameterValue("ResearchKit chart")>] title: string) : string =
        ArgumentNullException.ThrowIfNull fragment
        let title = System.Net.WebUtility.HtmlEncode title
        "<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n"
        + $"<title>{title}</title>\n</head>\n<body>\n"
        + Html.LibraryScript()
        + "\n"
        + fragment
        + "\n</body>\n</html>\n"

    /// A div and a script that draws the chart once window.Plotly exists (the library may come from another
    /// output of the same page, rendered earlier or later). No library inside: pair it with <see cref="LibraryScript"/>.
    static member Fragment(chart: GenericChart) : string =
        let id = "rk-" + Guid.NewGuid().ToString("N")
        // "</" would end the script element early if a title held "</script>"; "<\/" means the same in JSON and JS
        let json = (GenericChart.toJson chart).Replace("</", "<\\/")
        let layout = GenericChart.getLayout chart
        let height =
            match layout.TryGetTypedPropertyValue<int> "height" with
            | Some h -> h
            | None -> 450
        $"<div id=\"{id}\" style=\"width:100%%;height:{height}px;\"></div>\n"
        + "<script type=\"text/javascript\">(function(){\n"
        + $"var fig = {json};\n"
        + "var tries = 0;\n"
        + "function draw(){\n"
        + $"  var el = document.getElementById('{id}');\n"
        + "  if (!el) return;\n"
        + "  if (typeof window.Plotly === 'undefined') {\n"
        + "    if (++tries === 100) el.textContent = 'waiting for plotly.js: run Notebook.Enable() and keep its output';\n"
        + "    if (tries < 6000) setTimeout(draw, 100);\n"
        + "    return;\n"
        + "  }\n"
        + "  el.textContent = '';\n"
        + "  window.Plotly.newPlot(el, fig.data, fig.layout, fig.config);\n"
        + "}\n"
        + "draw();\n"
        + "})();</script>"
