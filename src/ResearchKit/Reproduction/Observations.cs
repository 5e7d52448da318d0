using System.Globalization;

namespace ResearchKit;

/// <summary>The paper's claims for each experiment, each set beside the number from our runs that tests it.</summary>
internal static class Observations
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static IEnumerable<string> For(int experiment, SweepResult s)
    {
        var t = s.Table;
        string Levels(Func<TableRow, string> f) => string.Join(", ", t.Select(r => $"{r.Level}: {f(r)}"));
        string Spread(TableRow r) => r.FinalTestAccuracy.Count < 2 ? "–" : Pp(r.FinalTestAccuracy.Max - r.FinalTestAccuracy.Min);
        string Time(TableRow r) => ReportWriter.S(r.TrainSecondsPer100Epochs) + " s";
        string Final(TableRow r) => ReportWriter.Pct(r.FinalTestAccuracy.Mean);
        string To97(TableRow r) => ReportWriter.FirstEpochAtLeast(s, r.Level, 0.97);
        double TimeRatio() => t.Max(r => r.TrainSecondsPer100Epochs) / t.Min(r => r.TrainSecondsPer100Epochs);

        switch (experiment)
        {
            case 1:
                var top = t[^1];
                yield return $"*Highest rate (0.1) diverges, with high variance.* Spread (max − min) of final test accuracy over seeds: {Levels(Spread)}. " +
                    $"Mean test accuracy at {top.Level} falls {Pp(PeakDrop(s, top.Level))} from its best epoch to the last" +
                    $"{(top.Diverged > 0 ? $"; {top.Diverged} run(s) diverged to a non-finite loss" : "")}.";
                yield return $"*The lowest rate converges much more slowly; returns diminish as the rate grows.* First epoch with mean test accuracy ≥ 97 %: {Levels(To97)}.";
                yield return $"*Training time hardly depends on the rate.* Training seconds per 100 epochs: {Levels(Time)} (max/min {TimeRatio().ToString("0.00", Inv)}).";
                break;
            case 2:
                yield return $"*Larger batches take much less time per epoch.* Training seconds per 100 epochs: {Levels(Time)} " +
                    $"(batch {t[0].Level} / batch {t[^1].Level}: {(t[0].TrainSecondsPer100Epochs / t[^1].TrainSecondsPer100Epochs).ToString("0.0", Inv)}×; paper: {(876.0 / 218).ToString("0.0", Inv)}×).";
                yield return $"*Larger batches converge faster and end higher, with shrinking gains.* Final mean test accuracy: {Levels(Final)}; first epoch ≥ 97 %: {Levels(To97)}.";
                break;
            case 3:
                yield return $"*More hidden units give higher accuracy, with diminishing returns.* Final mean test accuracy: {Levels(Final)}.";
                yield return $"*Variability shrinks as the layer grows.* Spread of final test accuracy over seeds: {Levels(Spread)}.";
                yield return $"*Time grows with the hidden layer.* Training seconds per 100 epochs: {Levels(Time)} (paper: 142 s at H = 10 to 496 s at H = 200, 3.5×; ours {(t[^1].TrainSecondsPer100Epochs / t[0].TrainSecondsPer100Epochs).ToString("0.0", Inv)}×).";
                break;
        }
    }

    public static IEnumerable<string> RawVsDenoised(SweepResult? raw, SweepResult? denoised)
    {
        if (raw is null || denoised is null)
        {
            yield return "Run both Experiments 4 and 5 to compare them.";
            yield break;
        }
        var (r, d) = (raw.Table[0], denoised.Table[0]);
        yield return $"*The denoised network performs nearly identically.* Final test accuracy: raw {ReportWriter.Acc(r.FinalTestAccuracy)}, " +
            $"denoised {ReportWriter.Acc(d.FinalTestAccuracy)} (difference {Pp(d.FinalTestAccuracy.Mean - r.FinalTestAccuracy.Mean)}).";
        yield return $"*The smaller model trains faster.* Training seconds per 100 epochs: raw {ReportWriter.S(r.TrainSecondsPer100Epochs)}, " +
            $"denoised {ReportWriter.S(d.TrainSecondsPer100Epochs)} (ratio {(d.TrainSecondsPer100Epochs / r.TrainSecondsPer100Epochs).ToString("0.00", Inv)}; " +
            "the parameter count drops 8.4 %, but the dropped pixels are zero in every image and our input layer already skips zeros, " +
            "so the work per step is the same up to noise).";
    }

    // Best mean test accuracy over the epochs minus the last epoch's.
    private static double PeakDrop(SweepResult s, string level)
    {
        var rows = s.Summary.Where(x => x.Level == level).ToList();
        return rows.Count == 0 ? double.NaN : rows.Max(x => x.TestAccuracy.Mean) - rows[^1].TestAccuracy.Mean;
    }

    private static string Pp(double fraction) => double.IsNaN(fraction) ? "–" : (fraction * 100).ToString("0.00", Inv) + " pp";
}
