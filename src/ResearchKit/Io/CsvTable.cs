using System.Globalization;
using System.Text;

namespace ResearchKit;

/// <summary>A minimal RFC 4180 table: a header and rows of strings, read by column name.
/// Fields are quoted only when they hold a comma, quote or newline.</summary>
public sealed class CsvTable
{
    private readonly Dictionary<string, int> columns;

    public IReadOnlyList<string> Header { get; }
    public IReadOnlyList<string[]> Rows { get; }
    public string Source { get; }

    private CsvTable(string source, string[] header, List<string[]> rows)
    {
        Source = source;
        Header = header;
        Rows = rows;
        columns = header.Select((h, i) => (h, i)).ToDictionary(p => p.h, p => p.i);
    }

    public static CsvTable Read(string path) =>
        File.Exists(path) ? Parse(File.ReadAllText(path), path) : throw new FileNotFoundException($"CSV file not found: {path}", path);

    public static CsvTable Parse(string text, string source = "csv")
    {
        var records = Records(text).ToList();
        if (records.Count == 0) throw new FormatException($"{source}: empty file, expected a header line");
        var header = records[0];
        for (int i = 1; i < records.Count; i++)
            if (records[i].Length != header.Length)
                throw new FormatException($"{source}: line {i + 1} has {records[i].Length} fields, the header has {header.Length}");
        return new CsvTable(source, header, records.Skip(1).ToList());
    }

    public bool Has(string column) => columns.ContainsKey(column);

    public string Get(string[] row, string column) =>
        columns.TryGetValue(column, out int i) ? row[i] : throw new FormatException($"{Source}: no column '{column}'");

    public double Number(string[] row, string column)
    {
        string s = Get(row, column);
        return double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) ? v
            : throw new FormatException($"{Source}: column '{column}' holds '{s}', not a number");
    }

    public int Integer(string[] row, string column) => checked((int)Number(row, column));

    public static string Line(IEnumerable<string> fields) => string.Join(",", fields.Select(Quote)) + "\n";

    private static string Quote(string f) =>
        f.IndexOfAny([',', '"', '\n', '\r']) < 0 ? f : "\"" + f.Replace("\"", "\"\"") + "\"";

    private static IEnumerable<string[]> Records(string text)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        bool quoted = false, any = false;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            any = true;
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else field.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { fields.Add(field.ToString()); field.Clear(); }
            else if (c == '\n' || c == '\r')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
                fields.Add(field.ToString()); field.Clear();
                yield return fields.ToArray();
                fields.Clear(); any = false;
            }
            else field.Append(c);
        }
        if (any) { fields.Add(field.ToString()); yield return fields.ToArray(); }
    }
}
