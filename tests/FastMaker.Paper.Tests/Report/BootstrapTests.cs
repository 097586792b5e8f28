using FastMaker.Paper.Report;

namespace FastMaker.Paper.Tests.Report;

public sealed class BootstrapTests
{
    private static double[] Returns(int n, int seed)
    {
        var random = new Random(seed);
        var values = new double[n];
        for (var i = 0; i < n; i++)
        {
            values[i] = 0.5 + random.NextDouble() - 0.5 * random.NextDouble();
        }

        return values;
    }

    [Fact]
    public void SharpeCi_IsSeeded_DeterministicPerSeed_AndBracketsThePointEstimate()
    {
        var returns = Returns(60, 1);
        var (mean, stdev) = Bootstrap.MeanStdev(returns);
        var point = mean / stdev;

        var a = Bootstrap.Sharpe(returns, 2_000, 7)!.Value;
        var b = Bootstrap.Sharpe(returns, 2_000, 7)!.Value;
        var c = Bootstrap.Sharpe(returns, 2_000, 8)!.Value;

        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
        Assert.True(a.Low < point && point < a.High, $"CI [{a.Low}, {a.High}] should bracket {point}");
    }

    [Fact]
    public void SharpeCi_ConstantReturns_HasNoInterval()
    {
        Assert.Null(Bootstrap.Sharpe([0.1, 0.1, 0.1, 0.1], 500, 7));
    }

    [Fact]
    public void MeanStdev_UsesTheSampleDenominator()
    {
        // Mean 2.5; squared deviations 2.25 + 0.25 + 0.25 + 2.25 = 5; 5 / 3.
        var (mean, stdev) = Bootstrap.MeanStdev([1, 2, 3, 4]);
        Assert.Equal(2.5, mean);
        Assert.Equal(Math.Sqrt(5.0 / 3), stdev, 12);
    }

    [Fact]
    public void WeightedMeanCi_BracketsTheWeightedMean()
    {
        var values = Returns(50, 3);
        var weights = Returns(50, 4);
        double sum = 0, weight = 0;
        for (var i = 0; i < values.Length; i++)
        {
            sum += values[i] * weights[i];
            weight += weights[i];
        }

        var (low, high) = Bootstrap.WeightedMean(values, weights, 2_000, 7);
        Assert.True(low < sum / weight && sum / weight < high);
    }
}
