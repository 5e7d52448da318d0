namespace ResearchKit.Tests.Training;

public class TrainingPresetTests
{
    [Fact]
    public void Paper_IsWhatProducedThePublishedNumbers()
    {
        var p = TrainingPreset.Paper;
        Assert.Equal("paper", p.Name);
        Assert.Equal(0.99f, p.Beta1);
        Assert.Equal(0.999f, p.Beta2);
        Assert.Equal(1e-5f, p.Epsilon);
        Assert.Equal(EpsilonPlacement.OutsideRoot, p.EpsilonPlacement);
        Assert.Equal(BiasInit.Orthogonal, p.BiasInit);
        Assert.True(p.OutputGradientExtraMean);
        Assert.Equal(TrainAccuracyMode.Online, p.TrainAccuracy);
    }

    [Fact]
    public void Textbook_IsTheConventionalChoice()
    {
        var p = TrainingPreset.Textbook;
        Assert.Equal("textbook", p.Name);
        Assert.Equal(0.9f, p.Beta1);
        Assert.Equal(0.999f, p.Beta2);
        Assert.Equal(1e-8f, p.Epsilon);
        Assert.Equal(EpsilonPlacement.OutsideRoot, p.EpsilonPlacement);
        Assert.Equal(BiasInit.Zero, p.BiasInit);
        Assert.False(p.OutputGradientExtraMean);
        Assert.Equal(TrainAccuracyMode.FullPass, p.TrainAccuracy);
    }

    /// <summary>Each With* changes its own setting(s) and nothing else, and leaves the original untouched.
    /// The expected values are written out in full so that a With* touching a second field fails.</summary>
    [Fact]
    public void With_ChangesOneSettingOnly()
    {
        var paper = TrainingPreset.Paper;
        const EpsilonPlacement Out = EpsilonPlacement.OutsideRoot, In = EpsilonPlacement.InsideRoot;
        Assert.Equal(new TrainingPreset("paper", 0.9f, 0.99f, 1e-5f, Out, BiasInit.Orthogonal, true, TrainAccuracyMode.Online),
            paper.WithBetas(0.9f, 0.99f));
        Assert.Equal(new TrainingPreset("paper", 0.99f, 0.999f, 1e-8f, In, BiasInit.Orthogonal, true, TrainAccuracyMode.Online),
            paper.WithEpsilon(1e-8f, In));
        Assert.Equal(new TrainingPreset("paper", 0.99f, 0.999f, 1e-5f, Out, BiasInit.Zero, true, TrainAccuracyMode.Online),
            paper.WithBiasInit(BiasInit.Zero));
        Assert.Equal(new TrainingPreset("paper", 0.99f, 0.999f, 1e-5f, Out, BiasInit.Orthogonal, false, TrainAccuracyMode.Online),
            paper.WithOutputGradientExtraMean(false));
        Assert.Equal(new TrainingPreset("paper", 0.99f, 0.999f, 1e-5f, Out, BiasInit.Orthogonal, true, TrainAccuracyMode.FullPass),
            paper.WithTrainAccuracy(TrainAccuracyMode.FullPass));
        Assert.Equal(new TrainingPreset("paper", 0.99f, 0.999f, 1e-5f, Out, BiasInit.Orthogonal, true, TrainAccuracyMode.Online), paper);
    }

    [Theory]
    [InlineData("paper", "paper")]
    [InlineData("PAPER", "paper")]
    [InlineData("Textbook", "textbook")]
    [InlineData("  textbook ", "textbook")]
    public void Named_IsCaseInsensitive(string name, string expected)
    {
        var preset = TrainingPreset.Named(name);
        Assert.Same(expected == "paper" ? TrainingPreset.Paper : TrainingPreset.Textbook, preset);
    }

    [Theory]
    [InlineData("x")]
    [InlineData("")]
    [InlineData("papers")]
    public void Named_Unknown_ThrowsNamingTheName(string name)
    {
        var e = Assert.Throws<ArgumentException>(() => TrainingPreset.Named(name));
        Assert.Contains($"'{name}'", e.Message);
        Assert.Equal("name", e.ParamName);
    }
}
