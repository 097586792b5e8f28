using System.Text;
using FastMaker.Polymarket.WebSockets;
using Microsoft.Extensions.Time.Testing;

namespace FastMaker.Polymarket.Tests.WebSockets;

public sealed class AssetActivityTrackerTests
{
    private const string A = "21742633143463906290569050155826241533067272736897614950488156847949938836455";
    private const string B = "48331043336612883890938759509493159234755048973500640148014422747788308965732";

    [Fact]
    public void KeySplitAcrossTwoReceives_StillStampsTheAsset()
    {
        var time = new FakeTimeProvider();
        var tracker = new AssetActivityTracker(time);
        tracker.Rebuild(new[] { A, B }, 100);
        byte[] message = Encoding.ASCII.GetBytes("{\"event_type\":\"book\",\"asset_id\":\"" + A + "\",\"bids\":[]}");
        for (int split = 1; split < message.Length; split++)
        {
            long stamp = 1000 + split;
            tracker.OnChunk(message.AsSpan(0, split), endOfMessage: false, stamp);
            tracker.OnChunk(message.AsSpan(split), endOfMessage: true, stamp);
            Assert.Equal(stamp, tracker.LastSeen(A));
        }
        Assert.Equal(100, tracker.LastSeen(B));
        Assert.Null(tracker.LastSeen("999"));
    }

    [Fact]
    public void PriceChangeEntries_StampEveryAssetNamed_AndUnknownIdsAreIgnored()
    {
        var time = new FakeTimeProvider();
        var tracker = new AssetActivityTracker(time);
        tracker.Rebuild(new[] { A, B }, 1);
        string json = "{\"event_type\":\"price_change\",\"price_changes\":[{\"asset_id\":\"" + A + "\",\"price\":\"0.6\"},{\"asset_id\": \"" + B + "\"},{\"asset_id\":\"123\"}]}";
        tracker.OnChunk(Encoding.ASCII.GetBytes(json), true, 50);
        Assert.Equal(50, tracker.LastSeen(A));
        Assert.Equal(50, tracker.LastSeen(B));
    }

    [Fact]
    public void StaleAsset_IsReportedOncePerTimeout_AndClearsOnActivity()
    {
        var time = new FakeTimeProvider();
        var tracker = new AssetActivityTracker(time);
        long t0 = time.GetTimestamp();
        tracker.Rebuild(new[] { A }, t0);
        time.Advance(TimeSpan.FromSeconds(9));
        Assert.Null(tracker.CollectStale(time.GetTimestamp(), TimeSpan.FromSeconds(10)));
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(new[] { A }, tracker.CollectStale(time.GetTimestamp(), TimeSpan.FromSeconds(10)));
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Null(tracker.CollectStale(time.GetTimestamp(), TimeSpan.FromSeconds(10)));
        time.Advance(TimeSpan.FromSeconds(9));
        Assert.Equal(new[] { A }, tracker.CollectStale(time.GetTimestamp(), TimeSpan.FromSeconds(10)));
        tracker.OnChunk(Encoding.ASCII.GetBytes("{\"asset_id\":\"" + A + "\"}"), true, time.GetTimestamp());
        time.Advance(TimeSpan.FromSeconds(5));
        Assert.Null(tracker.CollectStale(time.GetTimestamp(), TimeSpan.FromSeconds(10)));
    }
}
