using FastMaker.Venue.Server;
using Microsoft.Extensions.Time.Testing;

namespace FastMaker.Venue.Tests.Server;

public class HeartbeatRegistryTests
{
    [Fact]
    public void ChainedIds_AcceptedInOrder_WrongIdReturnsExpected()
    {
        var time = new FakeTimeProvider();
        using var hb = new HeartbeatRegistry(time, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(5), _ => { });
        Assert.True(hb.TryBeat("k", "", out string first));
        Assert.True(hb.TryBeat("k", first, out string second));
        Assert.NotEqual(first, second);
        Assert.False(hb.TryBeat("k", first, out string expected));
        Assert.Equal(second, expected);
        Assert.True(hb.TryBeat("k", expected, out _));
    }

    [Fact]
    public void NoValidHeartbeatFor10s_CancelsThatKeyOnly()
    {
        var time = new FakeTimeProvider();
        var cancelled = new List<string>();
        using var hb = new HeartbeatRegistry(time, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(5), k => { lock (cancelled) cancelled.Add(k); });
        hb.TryBeat("silent", "", out _);
        hb.TryBeat("alive", "", out string id);
        for (int i = 0; i < 3; i++)
        {
            time.Advance(TimeSpan.FromSeconds(4));
            Assert.True(hb.TryBeat("alive", id, out id));
            hb.TryBeat("silent", "wrong", out _); // invalid beats do not keep the key alive
        }
        Assert.Equal(["silent"], cancelled);
        time.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(["silent", "alive"], cancelled);
    }

    [Fact]
    public void KeyThatNeverBeat_IsNeverCancelled()
    {
        var time = new FakeTimeProvider();
        int calls = 0;
        using var hb = new HeartbeatRegistry(time, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(5), _ => calls++);
        time.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(0, calls);
    }
}
