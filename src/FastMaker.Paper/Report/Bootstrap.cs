namespace FastMaker.Paper.Report;

/// <summary>
/// Percentile bootstrap 95% confidence intervals, seeded so a report is reproducible. System.Random with a seed
/// keeps its legacy algorithm across .NET versions, so the same store and seed give the same interval.
/// </summary>
internal static class Bootstrap
{
    /// <summary>CI of the weighted mean Σ w x / Σ w, resampling (value, weight) pairs.</summary>
    public static (double Low, double High) WeightedMean(double[] values, double[] weights, int resamples, int seed)
    {
        var random = new Random(seed);
        var estimates = new double[resamples];
        var n = values.Length;
        for (var r = 0; r < resamples; r++)
        {
            double sum = 0, weight = 0;
            for (var i = 0; i < n; i++)
            {
                var k = random.Next(n);
                sum += values[k] * weights[k];
                weight += weights[k];
            }

            estimates[r] = weight > 0 ? sum / weight : 0;
        }

        return Percentiles(estimates, resamples);
    }

    /// <summary>CI of mean / sample standard deviation; resamples with zero variance are dropped. Null when all are.</summary>
    public static (double Low, double High)? Sharpe(double[] returns, int resamples, int seed)
    {
        var random = new Random(seed);
        var estimates = new double[resamples];
        var kept = 0;
        var n = returns.Length;
        var sample = new double[n];
        for (var r = 0; r < resamples; r++)
        {
            for (var i = 0; i < n; i++)
            {
                sample[i] = returns[random.Next(n)];
            }

            var (mean, stdev) = MeanStdev(sample);
            if (stdev > 0)
            {
                estimates[kept++] = mean / stdev;
            }
        }

        return kept == 0 ? null : Percentiles(estimates, kept);
    }

    /// <summary>Mean and sample (n - 1) standard deviation.</summary>
    public static (double Mean, double Stdev) MeanStdev(double[] values)
    {
        double sum = 0;
        foreach (var v in values)
        {
            sum += v;
        }

        var mean = sum / values.Length;
        double squares = 0;
        foreach (var v in values)
        {
            squares += (v - mean) * (v - mean);
        }

        var stdev = values.Length > 1 ? Math.Sqrt(squares / (values.Length - 1)) : 0;

        // Floating-point noise on constant returns is not variance.
        return (mean, stdev <= 1e-12 * Math.Max(1, Math.Abs(mean)) ? 0 : stdev);
    }

    private static (double Low, double High) Percentiles(double[] estimates, int count)
    {
        Array.Sort(estimates, 0, count);
        var low = estimates[(int)Math.Floor(0.025 * (count - 1))];
        var high = estimates[(int)Math.Ceiling(0.975 * (count - 1))];
        return (low, high);
    }
}
