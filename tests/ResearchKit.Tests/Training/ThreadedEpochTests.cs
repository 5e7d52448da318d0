namespace ResearchKit.Tests.Training;

/// <summary>Tests that count every byte the process allocates, so nothing else may run beside them.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AloneCollection
{
    public const string Name = "ResearchKit.Tests.Training: alone";
}

[Collection(AloneCollection.Name)]
public class ThreadedEpochTests
{
    /// <summary>
    /// Principle 4 with a team of threads. The members' allocations do not show in the caller's per-thread
    /// counter, so this counts the whole process while no other test runs. The test host's own threads still
    /// allocate now and then (0.2–60 KB seen over a second; outside the test host the same epoch and evaluation
    /// allocate 0 bytes process-wide), so the test takes the smallest of three measured epochs and bounds it by
    /// 8 KB: a trainer that allocated even 40 bytes per step would show 235 × 40 = 9.4 KB in every one of them.
    /// </summary>
    [Fact]
    public void Epoch_WithTwoThreads_AllocatesNothingPerStep()
    {
        const long bound = 8 * 1024;
        var mnist = TestData.Mnist;
        using var trainer = new Trainer(mnist.Train, new TrainingSettings { BatchSize = 256, HiddenUnits = 100, Threads = 2 });
        trainer.TrainEpoch();
        trainer.Evaluate(mnist.Test);

        long smallest = long.MaxValue;
        OnlineTotals totals = default;
        Evaluation test = default;
        var measured = new long[3];
        for (int attempt = 0; attempt < measured.Length; attempt++)
        {
            long before = GC.GetTotalAllocatedBytes(precise: true);
            totals = trainer.TrainEpoch();
            test = trainer.Evaluate(mnist.Test);
            measured[attempt] = GC.GetTotalAllocatedBytes(precise: true) - before;
            smallest = Math.Min(smallest, measured[attempt]);
        }

        Assert.True(smallest < bound,
            $"2 threads, batch 256: each epoch + evaluation allocated {string.Join(", ", measured)} bytes in the process " +
            $"(smallest must be below {bound}; 0 expected from the trainer)");
        Assert.True(double.IsFinite(totals.MeanLoss) && test.Accuracy > 0.9,
            $"the measured epoch must be a real one: train loss {totals.MeanLoss}, test accuracy {test.Accuracy}");
    }
}
