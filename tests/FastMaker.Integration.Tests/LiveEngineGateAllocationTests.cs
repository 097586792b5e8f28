using System.Buffers;
using FastMaker.Cli.Demo;
using FastMaker.Engine;
using FastMaker.Engine.Budget;
using FastMaker.Engine.Gate;
using FastMaker.Engine.Hosting;
using FastMaker.Engine.Pipeline;
using FastMaker.Engine.Registry;
using FastMaker.Engine.Replay;
using FastMaker.Engine.Signing;
using FastMaker.Engine.Store;
using FastMaker.Polymarket.Auth;
using FastMaker.Polymarket.Orders;
using FastMaker.Polymarket.Parsing;
using FastMaker.Polymarket.Signing;
using FastMaker.Primitives;

namespace FastMaker.Integration.Tests;

/// <summary>
/// The engine with its gate attached, fed the committed calm capture: every intent goes gate -> sign stage -> sink on
/// the engine thread, and in steady state that allocates nothing, store feed included.
/// </summary>
public sealed class LiveEngineGateAllocationTests : IDisposable
{
    private const string Key = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";
    private readonly string _dir = Directory.CreateTempSubdirectory("fm-live-alloc-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private sealed class ReturningSink : ISignedRequestSink
    {
        public SignedRequestPool? Pool;
        public long Orders;
        public long Cancels;

        public void Publish(SignedRequest request)
        {
            if (request.Kind == RequestKind.PostOrder)
            {
                Orders++;
            }
            else
            {
                Cancels++;
            }

            Pool!.Return(request);
        }
    }

    private static string Diagnose(EngineCore engine, long approvedBefore)
    {
        var text = "approved " + approvedBefore + " then " + engine.IntentsApproved + ", rejected " + engine.IntentsRejected + ", intents "
            + engine.Intents.TotalSubmitted + ", states";
        for (var m = 0; m < engine.Registry.MarketCount; m++)
        {
            text += " " + engine.Registry.Market(m).State + "/" + engine.Registry.Market(m).NotQuotableReason;
        }

        foreach (var reason in Enum.GetValues<GateRejectReason>())
        {
            if (reason != GateRejectReason.None && engine.Gate!.Stats.Rejects(reason) > 0)
            {
                text += " " + reason + "=" + engine.Gate.Stats.Rejects(reason);
            }
        }

        return text + " open " + engine.Orders.Count;
    }

    [Fact]
    public void CalmCapture_ThroughTheGateAndSigner_AllocatesNothingInSteadyState_AndApprovesOrders()
    {
        var frames = CaptureFrames.ReadFile(Path.Combine(AppContext.BaseDirectory, "fixtures", "captures", "calm-30s.fmcap"), out _);
        var registry = new MarketRegistry();
        Assert.Empty(ReplayMarkets.DiscoverFromFrames(frames, registry));
        var lastMs = frames[^1].ReceiveMs;
        for (var m = 0; m < registry.MarketCount; m++)
        {
            // Quotable markets: the capture carries books, not the Gamma fields the time model needs.
            var market = registry.Market(m);
            market.EndMs = lastMs + 7 * 24 * 3_600_000L;
            market.AcceptingOrders = true;
            market.Closed = false;
            market.MinOrderSize ??= Quantity.FromRaw(5_000_000);
            market.TakerFeeRateBps ??= 500;
        }

        var engine = new EngineCore(registry, new EngineOptions(), quoteOptions: DemoProfile.Quote);
        engine.Positions.SetCollateral(Amount.FromRaw(1_000_000L * 1_000_000));
        using var signer = EthSigner.FromHex(Key);
        var credentials = new ApiCredentials("00000000-0000-0000-0000-000000000001", Convert.ToBase64String(new byte[32]), "pass");
        var builder = new OrderBuilder(signer, 137, SignatureType.Eoa, null, credentials.ApiKey);
        using var stage = new SignStage(builder, new L2Signer(credentials, signer.AddressChecksummed), SigningMode.Deterministic, 42);
        var sink = new ReturningSink { Pool = stage.Pool };
        engine.AttachGate(new ExecutionGate(registry, engine.Risk, engine.OrderLookup, new MutationBudget(MutationBudgetOptions.Production),
            stage, sink));
        using var store = SqliteStore.Open(Path.Combine(_dir, "alloc.db"));
        using var writer = new StoreWriter(store);
        var feed = new StoreFeed(writer);
        engine.Observer = feed;

        var translator = new FrameTranslator<DirectEngineTarget>(new DirectEngineTarget(engine));
        var parser = new MarketChannelParser();
        var half = frames.Count / 2;
        long nextTimerMs = frames[0].ReceiveMs;
        void Feed(int from, int to)
        {
            for (var i = from; i < to; i++)
            {
                var frame = frames[i];
                while (nextTimerMs <= frame.ReceiveMs)
                {
                    translator.BeginFrame(InboundChannel.Control, 0, nextTimerMs, i);
                    translator.Publish(ControlItem.ForTimer(TimerKind.Housekeeping, nextTimerMs, nextTimerMs), i);
                    nextTimerMs += 250;
                }

                translator.BeginFrame(frame.Channel, frame.ConnectionId, frame.ReceiveMs, i);
                parser.Parse(new ReadOnlySequence<byte>(frame.Frame), ref translator);
            }
        }

        Feed(0, half);
        var approvedBefore = engine.IntentsApproved;
        var ordersBefore = sink.Orders;
        var before = GC.GetAllocatedBytesForCurrentThread();
        Feed(half, frames.Count);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(engine.IntentsApproved > approvedBefore, "the gate approved nothing in the measured half: the test would prove nothing; "
            + Diagnose(engine, approvedBefore));
        Assert.True(sink.Orders > ordersBefore, "no order was signed in the measured half");
        Assert.True(feed.ChangesAppended > 0);
        Assert.Equal(0, allocated);
    }
}
