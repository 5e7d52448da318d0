namespace ResearchKit.Tests.Training;

public class TrainingSettingsTests
{
    [Fact]
    public void Defaults_AreThePapersFixedValues()
    {
        var s = new TrainingSettings();
        Assert.Equal(0.01f, s.LearningRate);
        Assert.Equal(64, s.BatchSize);
        Assert.Equal(100, s.HiddenUnits);
        Assert.Equal(100, s.Epochs);
        Assert.Same(TrainingPreset.Paper, s.Preset);
        Assert.Equal(1, s.Threads);
    }

    [Fact]
    public void With_ChangesOneSettingOnly()
    {
        var s = new TrainingSettings();
        Assert.Equal(s with { HiddenUnits = 25 }, s.WithHiddenUnits(25));
        Assert.Equal(s with { BatchSize = 256 }, s.WithBatchSize(256));
        Assert.Equal(s with { LearningRate = 0.1f }, s.WithLearningRate(0.1f));
        Assert.Equal(s with { Epochs = 3 }, s.WithEpochs(3));
        Assert.Equal(s with { Seed = 7 }, s.WithSeed(7));
        Assert.Equal(s with { Preset = TrainingPreset.Textbook }, s.WithPreset(TrainingPreset.Textbook));
        Assert.Equal(s with { Threads = 2 }, s.WithThreads(2));

        var changed = s.WithHiddenUnits(25);
        Assert.Equal((64, 0.01f, 100, 1), (changed.BatchSize, changed.LearningRate, changed.Epochs, changed.Threads));
        Assert.Equal(100, s.HiddenUnits);   // the original is a value: untouched
    }
}
