using FastMaker.Engine.Orders;
using FastMaker.Engine.Registry;
using FastMaker.Engine.Tests.Registry;
using FastMaker.Engine.Time;
using static FastMaker.Engine.Tests.Registry.EngineHarness;

namespace FastMaker.Engine.Tests.Time;

public class MarketStateStageTests
{
    private readonly EngineHarness _h = new(new TimeModelOptions
    {
        WindDownMs = 30 * 60_000,
        PreEventMarginMs = 5 * 60_000,
    });

    [Fact]
    public void ContradictoryTimeData_LogsOneErrorPerMarket_NotOnePerTick()
    {
        _h.Refresh(T0, true, Meta(1) with { EndMs = null }, Meta(2) with { Closed = true }, Meta(3));
        for (var i = 1; i <= 1_000; i++)
        {
            _h.Tick(T0 + i * 250);
        }

        Assert.Equal(MarketState.ChallengeWindow, _h.Market(1).State);
        Assert.Equal(TimeDataProblem.NoEndDate, _h.Market(1).TimeProblem);
        Assert.Equal(MarketState.ChallengeWindow, _h.Market(2).State);
        Assert.Equal(TimeDataProblem.ClosedButAcceptingOrders, _h.Market(2).TimeProblem);
        Assert.Equal(MarketState.Active, _h.Market(3).State);
        Assert.Equal(2, _h.Engine.States.TimeProblemsLogged);
        Assert.Equal(1, _h.Log.Count("time data NoEndDate"));
        Assert.Equal(1, _h.Log.Count("time data ClosedButAcceptingOrders"));
        Assert.Equal(2, _h.Log.Lines.Count);
        Assert.All(_h.Log.Lines, l => Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Error, l.Level));
    }

    [Fact]
    public void ANewProblem_OnTheSameMarket_LogsAgain()
    {
        _h.Refresh(T0, true, Meta(1) with { EndMs = null });
        _h.Tick(T0 + 1);
        _h.Refresh(T0 + 2, true, Meta(1) with { StartMs = T0 + 100 * Hour });
        _h.Tick(T0 + 3);
        Assert.Equal(2, _h.Log.Lines.Count);
        Assert.Equal(TimeDataProblem.EndBeforeStart, _h.Market(1).TimeProblem);
    }

    [Fact]
    public void Clocks_AdvancedByTimers_CancelOnceOnEachTransitionThatForbidsOrders()
    {
        var end = T0 + 2 * Hour;
        _h.Refresh(T0, true, Meta(1) with { EndMs = end });
        Assert.Equal(MarketState.Active, _h.Market(1).State);

        var states = new List<MarketState>();
        for (var now = T0; now <= end + Hour; now += 250)
        {
            _h.Tick(now);
            if (states.Count == 0 || states[^1] != _h.Market(1).State)
            {
                states.Add(_h.Market(1).State);
            }
        }

        Assert.Equal([MarketState.Active, MarketState.WindDown, MarketState.ChallengeWindow], states);
        // Active -> WindDown pulls maker quotes; WindDown -> ChallengeWindow pulls reducing orders too.
        Assert.Equal([1, 1], _h.CancelAllMarkets());
        Assert.Equal(T0 + 2 * Hour - 30 * 60_000, _h.Intents[0].CreatedMs);
        Assert.Equal(end, _h.Intents[1].CreatedMs);
        Assert.Equal(-1, _h.Intents[0].TokenIndex);
    }

    [Fact]
    public void GameStart_PullsQuotesExactlyAtTheMargin()
    {
        var start = T0 + Hour;
        _h.Refresh(T0, true, Meta(1) with { GameStartMs = start, ClearBookOnStart = true });
        _h.Tick(start - 5 * 60_000 - 1);
        Assert.Equal(MarketState.Active, _h.Market(1).State);
        Assert.Equal(0, _h.Intents.Count);
        _h.Tick(start - 5 * 60_000);
        Assert.Equal(MarketState.PreEvent, _h.Market(1).State);
        Assert.Equal([1], _h.CancelAllMarkets());
    }

    [Fact]
    public void Timer_OtherThanHousekeeping_DoesNotEvaluate()
    {
        _h.Refresh(T0, true, Meta(1) with { EndMs = T0 + Hour });
        var e = new FastMaker.Engine.Pipeline.InboundEvent { Kind = FastMaker.Engine.Pipeline.InboundKind.Timer, ReceiveMs = T0 + Hour };
        e.Payload.Timer = new FastMaker.Engine.Pipeline.TimerTick { Kind = FastMaker.Engine.Pipeline.TimerKind.VenueHeartbeat, DueMs = T0 + Hour };
        _h.Deliver(ref e);
        Assert.Equal(MarketState.Active, _h.Market(1).State);
        _h.Tick(T0 + Hour);
        Assert.Equal(MarketState.ChallengeWindow, _h.Market(1).State);
    }

    [Fact]
    public void HousekeepingEvaluation_DoesNotAllocate()
    {
        var markets = new MarketMetadata[200];
        for (var i = 0; i < markets.Length; i++)
        {
            markets[i] = Meta(i + 1, "e" + (i % 7)) with { EndMs = i % 3 == 0 ? null : T0 + (i + 1) * Hour, GameStartMs = i % 5 == 0 ? T0 + i * Hour : null };
        }

        _h.Refresh(T0, true, markets);
        for (var i = 0; i < 2_000; i++)
        {
            _h.Tick(T0 + i);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 10_000; i++)
        {
            _h.Tick(T0 + 2_000 + i);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void SameEvents_GiveTheSameStatesAndIntents()
    {
        static (List<string> States, List<OrderIntent> Intents) Run()
        {
            var h = new EngineHarness();
            var states = new List<string>();
            var rng = new Random(7);
            var flags = new bool[4];
            for (var step = 0; step < 300; step++)
            {
                var now = T0 + step * 60_000L;
                if (step % 10 == 0)
                {
                    var markets = new MarketMetadata[4];
                    for (var n = 0; n < 4; n++)
                    {
                        if (rng.Next(8) == 0)
                        {
                            flags[n] = !flags[n];
                        }

                        markets[n] = Meta(n + 1, n < 2 ? "A" : "B", flags[n]) with
                        {
                            EndMs = T0 + (n + 2) * Hour,
                            AcceptingOrders = rng.Next(10) != 0,
                            GameStartMs = n == 3 ? T0 + 3 * Hour : null,
                        };
                    }

                    h.Refresh(now, rng.Next(2) == 0, markets);
                }
                else
                {
                    h.Tick(now);
                }

                var line = "";
                for (var n = 1; n <= 4; n++)
                {
                    line += h.Market(n).State + ",";
                }

                states.Add(line);
            }

            return (states, h.Intents.AsSpan().ToArray().ToList());
        }

        var first = Run();
        var second = Run();
        Assert.Equal(first.States, second.States);
        Assert.Equal(first.Intents, second.Intents);
        Assert.NotEmpty(first.Intents);
        Assert.Contains(first.States, s => s.Contains("Halted"));
        Assert.Contains(first.States, s => s.Contains("Active"));
    }
}
