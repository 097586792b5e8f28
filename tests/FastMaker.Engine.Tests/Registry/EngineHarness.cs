using FastMaker.Engine.Orders;
using FastMaker.Engine.Pipeline;
using FastMaker.Engine.Registry;
using FastMaker.Engine.Time;
using FastMaker.Primitives;

namespace FastMaker.Engine.Tests.Registry;

/// <summary>An engine fed with metadata refreshes and housekeeping timers, with its intents and log lines kept.</summary>
internal sealed class EngineHarness
{
    public const long Hour = 3_600_000;
    public const long T0 = 1_800_000_000_000; // an arbitrary unix ms origin
    private long _frame;

    public EngineHarness(TimeModelOptions? time = null)
    {
        Engine = new EngineCore(new MarketRegistry(), new EngineOptions { TimeModel = time ?? new TimeModelOptions() }, logger: Log);
    }

    /// <summary>Every intent the engine formed since the harness began (the engine's own buffer holds one event's).</summary>
    public IntentBuffer Intents { get; } = new();

    /// <summary>Delivers one event and keeps the intents it formed.</summary>
    public void Deliver(ref InboundEvent e)
    {
        Engine.OnEvent(ref e);
        foreach (var intent in Engine.Intents.AsSpan())
        {
            Intents.Submit(intent);
        }
    }

    public ListLogger Log { get; } = new();

    public EngineCore Engine { get; }

    public static Hash32 ConditionOf(int n) => Hash32.Parse("0x" + n.ToString("x64"));

    /// <summary>A complete, quotable market n ending 48 h after T0, in event <paramref name="eventId"/>.</summary>
    public static MarketMetadata Meta(int n, string? eventId = "e1", bool negRisk = false) => new()
    {
        ConditionId = ConditionOf(n),
        YesToken = UInt256.Parse((n * 2 + 1).ToString()),
        NoToken = UInt256.Parse((n * 2 + 2).ToString()),
        Question = "market " + n,
        Outcomes = ["Yes", "No"],
        Tick = TickSize.Hundredth,
        MinOrderSize = Quantity.Parse("5"),
        FeesEnabled = true,
        TakerFeeRateBps = 700,
        FeeExponent = 1,
        FeeTakerOnly = true,
        StartMs = T0 - 24 * Hour,
        EndMs = T0 + 48 * Hour,
        AcceptingOrders = true,
        Closed = false,
        NegRisk = negRisk,
        EventNegRisk = negRisk,
        NegRiskMarketId = negRisk ? ConditionOf(9_000) : null,
        EventId = eventId,
    };

    public MarketInfo Market(int n) => Engine.Registry.Market(Engine.Registry.MarketIndexOf(ConditionOf(n)));

    public void Refresh(long nowMs, bool complete, params MarketMetadata[] markets) =>
        Refresh(nowMs, new MetadataRefresh(markets, [], complete));

    public void Refresh(long nowMs, MetadataRefresh refresh)
    {
        var e = new InboundEvent { Kind = InboundKind.MetadataRefresh, Channel = InboundChannel.Control, ReceiveMs = nowMs, FrameSequence = _frame++, Cold = refresh };
        Deliver(ref e);
    }

    public void Tick(long nowMs)
    {
        var e = new InboundEvent { Kind = InboundKind.Timer, Channel = InboundChannel.Control, ReceiveMs = nowMs, FrameSequence = _frame++ };
        e.Payload.Timer = new TimerTick { Kind = TimerKind.Housekeeping, DueMs = nowMs };
        Deliver(ref e);
    }

    /// <summary>The markets (by n) of the CancelAll intents held, in order.</summary>
    public List<int> CancelAllMarkets()
    {
        var markets = new List<int>();
        foreach (var intent in Intents.AsSpan())
        {
            Assert.Equal(IntentKind.CancelAll, intent.Kind);
            var condition = Engine.Registry.Market(intent.MarketIndex).ConditionId;
            for (var n = 0; n < 10_000; n++)
            {
                if (ConditionOf(n) == condition)
                {
                    markets.Add(n);
                    break;
                }
            }
        }

        return markets;
    }
}
