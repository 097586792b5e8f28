using FastMaker.Engine.Gate;
using FastMaker.Engine.Journal;
using FastMaker.Engine.Orders;
using FastMaker.Engine.Pipeline;
using FastMaker.Engine.Registry;
using FastMaker.Engine.Replay;
using FastMaker.Engine.Risk;
using FastMaker.Primitives;
using Xunit.Abstractions;

namespace FastMaker.Integration.Tests;

/// <summary>A live run's journal (frames and control inputs) replays to the same intents, byte for byte.</summary>
[Trait("Category", "Integration")]
public sealed class MarketDataJournalReplayTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("fm-journal-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task LiveRunWithEveryKindOfControlInput_ItsJournalReplaysToIdenticalIntents()
    {
        var path = Path.Combine(_dir, "live.fmcap");
        var journal = FrameJournal.Create(path, MarketDataRig.ScenarioStart.ToUnixTimeMilliseconds());
        List<IntentEntry> live;
        long journaledControls;
        await using (var rig = await MarketDataRig.StartAsync("calm", journal: journal))
        {
            await rig.AdvanceAsync(TimeSpan.FromSeconds(3));
            await rig.WaitForVenueBooksAsync();

            // REST replies (for an order the engine does not know, and venue feedback with no gate attached) and operator commands.
            var unknown = Hash32.Parse("0x" + new string('c', 64));
            rig.Enqueue(ControlItem.ForCold(InboundKind.RestReply, new OrderReply { Kind = OrderReplyKind.CancelConfirmed, OrderId = unknown }, rig.NowMs));
            rig.Enqueue(ControlItem.ForCold(InboundKind.RestReply, new VenueFeedback { Kind = VenueReplyKind.RateLimited, RetryAfterMs = 500 }, rig.NowMs));
            rig.Enqueue(ControlItem.ForCold(InboundKind.RestReply, new VenueOrdersSnapshot { Orders = [], AsOfMs = rig.NowMs }, rig.NowMs));
            rig.Enqueue(ControlItem.ForCold(InboundKind.Operator, new KillSwitchCommand { On = true }, rig.NowMs));
            await rig.AdvanceAsync(TimeSpan.FromSeconds(1));
            rig.Enqueue(ControlItem.ForCold(InboundKind.Operator, new KillSwitchCommand { On = false }, rig.NowMs));

            // Connection status: a dropped socket, reconnect and resubscribe.
            await rig.DropAndReconnectAsync();
            await rig.AdvanceAsync(TimeSpan.FromSeconds(2));

            // A metadata refresh that changes a negRisk flag (cancel-all), then a clean one.
            var refresh = await rig.FetchMetadataAsync();
            var flipped = new MetadataRefresh(
                refresh.Markets.Select(m => m.ConditionId == rig.Markets[0].ConditionId ? m with { NegRisk = true, EventNegRisk = true } : m).ToList(),
                refresh.Rejected,
                refresh.IsComplete);
            rig.Enqueue(ControlItem.ForCold(InboundKind.MetadataRefresh, flipped, rig.NowMs));
            await rig.AdvanceAsync(TimeSpan.FromSeconds(1));
            rig.Enqueue(ControlItem.ForCold(InboundKind.MetadataRefresh, flipped, rig.NowMs));
            await rig.AdvanceAsync(TimeSpan.FromSeconds(2));
            await rig.WaitForVenueBooksAsync();
            live = rig.Tap.Intents();
        }

        journaledControls = journal.ControlRecords;
        journal.Dispose();

        var frames = CaptureFrames.ReadFile(path, out var warning);
        Assert.Null(warning);
        Assert.True(ReplayRunner.HasMetadataRecords(frames));
        var tap = new MarketDataTap(64);
        var report = ReplayRunner.Run(
            frames, new MarketRegistry(), MarketDataRig.DefaultOptions(), configure: e =>
            {
                e.Quotes.LiveOrders = tap.Live;
                e.Observer = tap;
            });

        output.WriteLine(frames.Count + " records (" + journaledControls + " control), " + live.Count + " intents live, " + report.IntentCount + " replayed");
        Assert.Empty(report.Errors);
        Assert.Contains(live, i => i.Intent.Kind == IntentKind.CancelAll);
        Assert.Contains(live, i => i.Intent.Kind == IntentKind.Cancel);
        Assert.Contains(live, i => i.Intent.Kind == IntentKind.Place);
        foreach (var kind in new[] { InboundKind.Timer, InboundKind.ConnectionStatus, InboundKind.MetadataRefresh, InboundKind.RestReply, InboundKind.Operator })
        {
            Assert.Contains(report.Events, e => e.Kind == kind);
        }

        var replayed = tap.Intents();
        Assert.Equal(live.Count, replayed.Count);
        for (var i = 0; i < live.Count; i++)
        {
            Assert.True(live[i].Intent.Equals(replayed[i].Intent), "intent " + i + " differs: live " + live[i] + ", replay " + replayed[i]);
            Assert.Equal((live[i].EventOrdinal, live[i].EventKind, live[i].NowMs), (replayed[i].EventOrdinal, replayed[i].EventKind, replayed[i].NowMs));
        }

        using var recorder = new IntentRecorder();
        foreach (var entry in live)
        {
            recorder.Record(entry.Intent);
        }

        Assert.Equal(recorder.HashHex(), report.IntentsHash);
    }
}
