namespace ResearchKit;

/// <summary>Aggregation over seeds: plain, tested functions the tables and the charts share.</summary>
public static class Aggregate
{
    public static IReadOnlyList<SummaryRow> Summary(IReadOnlyList<string> levels, IReadOnlyList<EpochRow> epochs)
    {
        var rows = new List<SummaryRow>();
        foreach (var level in levels)
            foreach (var g in epochs.Where(e => e.Level == level).GroupBy(e => e.Epoch).OrderBy(g => g.Key))
            {
                var list = g.ToList();
                rows.Add(new SummaryRow(level, g.Key, list.Count,
                    Stat.Of(list.Select(e => e.TrainLoss).ToArray()), Stat.Of(list.Select(e => e.TrainAccuracy).ToArray()),
                    Stat.Of(list.Select(e => e.TestLoss).ToArray()), Stat.Of(list.Select(e => e.TestAccuracy).ToArray())));
            }
        return rows;
    }

    public static IReadOnlyList<TableRow> Table(IReadOnlyList<string> levels, IReadOnlyList<RunRow> runs)
    {
        var rows = new List<TableRow>();
        foreach (var level in levels)
        {
            var all = runs.Where(r => r.Level == level).ToList();
            var done = all.Where(r => r.Status == "completed" && r.EpochsCompleted > 0).ToList();
            rows.Add(new TableRow(level, all.Select(r => r.Seed).ToArray(), all[0].Parameters,
                done.Count == 0 ? double.NaN : done.Average(r => r.TrainSeconds / r.EpochsCompleted * 100),
                done.Count == 0 ? double.NaN : done.Average(r => r.TotalSeconds / r.EpochsCompleted * 100),
                Stat.Of(done.Select(r => r.FinalTestAccuracy).ToArray()), all.Count - done.Count));
        }
        return rows;
    }
}
