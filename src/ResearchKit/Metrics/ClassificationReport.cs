using System.Globalization;

namespace ResearchKit;

/// <summary>Precision, recall, F1 and support of one class.</summary>
public sealed record ClassMetrics(int Class, double Precision, double Recall, double F1, int Support);

/// <summary>
/// Per-class precision, recall and F1 with macro and support-weighted averages.
/// 0/0 gives NaN, as the paper's code reported for a class that is never predicted (precision) or never
/// present (recall); F1 of a class with a NaN part is NaN, and a NaN in any class makes the averages NaN —
/// an undefined metric is shown, not silently read as 0.
/// </summary>
public sealed record ClassificationReport(IReadOnlyList<ClassMetrics> Classes, double Accuracy, ClassMetrics MacroAverage, ClassMetrics WeightedAverage)
{
    public static ClassificationReport From(ConfusionMatrix cm)
    {
        int k = cm.Classes;
        var rows = new ClassMetrics[k];
        for (int c = 0; c < k; c++)
        {
            int tp = cm[c, c], predicted = 0, actual = 0;
            for (int o = 0; o < k; o++) { predicted += cm[o, c]; actual += cm[c, o]; }
            double precision = Ratio(tp, predicted), recall = Ratio(tp, actual);
            rows[c] = new ClassMetrics(c, precision, recall, F1(precision, recall), actual);
        }
        int total = rows.Sum(r => r.Support);
        var macro = new ClassMetrics(-1, rows.Average(r => r.Precision), rows.Average(r => r.Recall), rows.Average(r => r.F1), total);
        var weighted = new ClassMetrics(-1,
            rows.Sum(r => r.Precision * r.Support) / total, rows.Sum(r => r.Recall * r.Support) / total,
            rows.Sum(r => r.F1 * r.Support) / total, total);
        return new ClassificationReport(rows, cm.Accuracy, macro, weighted);
    }

    /// <summary>0/0 is NaN: the metric is undefined, not zero.</summary>
    public static double Ratio(int numerator, int denominator) => denominator == 0 ? double.NaN : (double)numerator / denominator;

    public static double F1(double precision, double recall) =>
        double.IsNaN(precision) || double.IsNaN(recall) ? double.NaN
        : precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);

    /// <summary>Header <c>class,precision,recall,f1,support</c>; then <c>macro avg</c> and <c>weighted avg</c> rows.</summary>
    public string ToCsv()
    {
        var sb = new System.Text.StringBuilder("class,precision,recall,f1,support\n");
        foreach (var r in Classes) Row(r.Class.ToString(CultureInfo.InvariantCulture), r);
        Row("macro avg", MacroAverage);
        Row("weighted avg", WeightedAverage);
        return sb.ToString();

        void Row(string name, ClassMetrics r) => sb.Append(CultureInfo.InvariantCulture,
            $"{name},{Csv.Number(r.Precision)},{Csv.Number(r.Recall)},{Csv.Number(r.F1)},{r.Support}\n");
    }
}
