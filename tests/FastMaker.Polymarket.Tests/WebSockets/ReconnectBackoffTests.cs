using FastMaker.Polymarket.WebSockets;

namespace FastMaker.Polymarket.Tests.WebSockets;

public sealed class ReconnectBackoffTests
{
    [Fact]
    public void WithoutJitter_DoublesUpToTheCap()
    {
        var backoff = new ReconnectBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60), 2, 0, seed: 1);
        int[] expected = { 1, 2, 4, 8, 16, 32, 60, 60 };
        for (int i = 0; i < expected.Length; i++) Assert.Equal(TimeSpan.FromSeconds(expected[i]), backoff.NextDelay(i + 1));
        Assert.Equal(TimeSpan.FromSeconds(60), backoff.NextDelay(10_000));
    }

    [Fact]
    public void SameSeed_GivesTheSameJitteredDelays_WithinTheJitterBand()
    {
        var a = new ReconnectBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60), 2, 0.5, seed: 7);
        var b = new ReconnectBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60), 2, 0.5, seed: 7);
        var distinct = new HashSet<TimeSpan>();
        for (int attempt = 1; attempt <= 8; attempt++)
        {
            TimeSpan da = a.NextDelay(attempt);
            Assert.Equal(da, b.NextDelay(attempt));
            double nominal = Math.Min(60, Math.Pow(2, attempt - 1));
            Assert.InRange(da.TotalSeconds, nominal * 0.5, nominal);
            distinct.Add(da);
        }
        Assert.Equal(8, distinct.Count);
    }

    [Fact]
    public void BadSettings_AreRejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ReconnectBackoff(TimeSpan.Zero, TimeSpan.FromSeconds(1), 2, 0, null));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ReconnectBackoff(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(1), 2, 0, null));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ReconnectBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1), 0.5, 0, null));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ReconnectBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1), 2, 1.5, null));
        var backoff = new ReconnectBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1), 2, 0, null);
        Assert.Throws<ArgumentOutOfRangeException>(() => backoff.NextDelay(0));
    }
}
