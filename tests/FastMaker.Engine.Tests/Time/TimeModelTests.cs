using FastMaker.Engine.Registry;
using FastMaker.Engine.Time;
using FastMaker.Primitives;

namespace FastMaker.Engine.Tests.Time;

public class TimeModelTests
{
    private const long Minute = 60_000;
    private const long Hour = 60 * Minute;
    private const long End = 1_800_000_000_000;
    private static readonly TimeModelOptions Options = new()
    {
        WindDownMs = 30 * Minute,
        SizeTaperMs = 2 * Hour,
        PreEventMarginMs = 5 * Minute,
        ChallengeWindowMs = 2 * Hour,
    };

    private static MarketInfo Market(Action<MarketInfo>? configure = null)
    {
        var m = new MarketInfo(0, Hash32.Parse("0x" + new string('1', 64)), UInt256.Parse("1"), UInt256.Parse("2"), 0, 1)
        {
            Tick = TickSize.Hundredth,
            MinOrderSize = Quantity.Parse("5"),
            StartMs = End - 48 * Hour,
            EndMs = End,
            AcceptingOrders = true,
            Closed = false,
        };
        configure?.Invoke(m);
        return m;
    }

    private static MarketState StateAt(MarketInfo m, long now) => TimeModel.Evaluate(m, now, Options, out _);

    [Theory]
    // Trading clock: WindDown starts exactly 30 min before the end (inclusive); the end itself awaits resolution.
    [InlineData(-24 * Hour, MarketState.Active)]
    [InlineData(-30 * Minute - 1, MarketState.Active)]
    [InlineData(-30 * Minute, MarketState.WindDown)]
    [InlineData(-1, MarketState.WindDown)]
    [InlineData(0, MarketState.ChallengeWindow)]
    [InlineData(Hour, MarketState.ChallengeWindow)]
    public void TradingClock_StateAtEveryPosition(long relativeToEnd, MarketState expected)
    {
        Assert.Equal(expected, StateAt(Market(), End + relativeToEnd));
        Assert.Equal(-relativeToEnd, TimeModel.RemainingTradingMs(Market(), End + relativeToEnd));
    }

    [Theory]
    // Event clock: quotes go exactly 5 min before the game start (inclusive) and stay gone in play.
    [InlineData(-5 * Minute - 1, MarketState.Active)]
    [InlineData(-5 * Minute, MarketState.PreEvent)]
    [InlineData(0, MarketState.PreEvent)]
    [InlineData(Hour, MarketState.PreEvent)]
    public void EventClock_StateAroundTheGameStart(long relativeToStart, MarketState expected)
    {
        var gameStart = End - 6 * Hour;
        var m = Market(x => { x.GameStartMs = gameStart; x.ClearBookOnStart = true; });
        Assert.Equal(expected, StateAt(m, gameStart + relativeToStart));
    }

    [Fact]
    public void EventClock_UsesTheEventStart_WhenThereIsNoGameStart_AndPreEventBeatsWindDown()
    {
        var m = Market(x => x.EventStartMs = End - 10 * Minute);
        Assert.Equal(MarketState.WindDown, StateAt(m, End - 15 * Minute - 1));
        Assert.Equal(MarketState.PreEvent, StateAt(m, End - 15 * Minute));
    }

    [Theory]
    // Resolution clock: a proposal is challengeable for exactly 2 h, then resolved unless disputed.
    [InlineData(ResolutionStatus.Proposed, 0, MarketState.ChallengeWindow)]
    [InlineData(ResolutionStatus.Proposed, 2 * Hour - 1, MarketState.ChallengeWindow)]
    [InlineData(ResolutionStatus.Proposed, 2 * Hour, MarketState.Resolved)]
    [InlineData(ResolutionStatus.Disputed, 10 * Hour, MarketState.ChallengeWindow)]
    [InlineData(ResolutionStatus.Resolved, 0, MarketState.Resolved)]
    public void ResolutionClock_StateAfterTheProposal(ResolutionStatus status, long afterProposal, MarketState expected)
    {
        var proposal = End + Hour;
        var m = Market(x => { x.Resolution = status; x.ProposalMs = proposal; x.AcceptingOrders = false; });
        Assert.Equal(expected, StateAt(m, proposal + afterProposal));
    }

    [Fact]
    public void Proposal_WithoutAKnownTime_StaysInTheChallengeWindow()
    {
        var m = Market(x => x.Resolution = ResolutionStatus.Proposed);
        Assert.Equal(MarketState.ChallengeWindow, StateAt(m, End + 100 * Hour));
    }

    [Fact]
    public void Proposal_BeatsEveryOtherClock()
    {
        var m = Market(x => { x.Resolution = ResolutionStatus.Proposed; x.ProposalMs = End - 48 * Hour; x.GameStartMs = End - Hour; });
        Assert.Equal(MarketState.ChallengeWindow, StateAt(m, End - 47 * Hour));
    }

    [Theory]
    [InlineData("halt", MarketState.Halted)]
    [InlineData("notQuotable", MarketState.Halted)]
    [InlineData("notAccepting", MarketState.Halted)]
    [InlineData("closed", MarketState.Halted)]
    public void StoppedMarkets_AreHalted(string why, MarketState expected)
    {
        var m = Market(x =>
        {
            switch (why)
            {
                case "halt": x.HaltReason = "negRisk flags changed"; break;
                case "notQuotable": x.NotQuotableReason = "orderMinSize missing"; break;
                case "notAccepting": x.AcceptingOrders = false; break;
                default: x.Closed = true; x.AcceptingOrders = false; break;
            }
        });
        Assert.Equal(expected, TimeModel.Evaluate(m, End - 24 * Hour, Options, out var problem));
        Assert.Equal(TimeDataProblem.None, problem);
    }

    public static TheoryData<string, TimeDataProblem> Contradictions => new()
    {
        { "noEnd", TimeDataProblem.NoEndDate },
        { "endBeforeStart", TimeDataProblem.EndBeforeStart },
        { "proposalWithoutEnd", TimeDataProblem.ProposalWithoutEndDate },
        { "disputeWithoutEnd", TimeDataProblem.ProposalWithoutEndDate },
        { "closedButAccepting", TimeDataProblem.ClosedButAcceptingOrders },
        { "resolvedButAccepting", TimeDataProblem.ResolvedButAcceptingOrders },
    };

    [Theory]
    [MemberData(nameof(Contradictions))]
    public void MissingOrContradictoryTimeData_MapsToChallengeWindow(string why, TimeDataProblem expected)
    {
        var m = Market(x =>
        {
            switch (why)
            {
                case "noEnd": x.EndMs = null; break;
                case "endBeforeStart": x.StartMs = End + 1; break;
                case "proposalWithoutEnd": x.EndMs = null; x.Resolution = ResolutionStatus.Proposed; x.ProposalMs = End; break;
                case "disputeWithoutEnd": x.EndMs = null; x.Resolution = ResolutionStatus.Disputed; break;
                case "closedButAccepting": x.Closed = true; break;
                default: x.Resolution = ResolutionStatus.Resolved; break;
            }
        });

        // Even where another clock would say Active or Resolved.
        Assert.Equal(MarketState.ChallengeWindow, TimeModel.Evaluate(m, End - 24 * Hour, Options, out var problem));
        Assert.Equal(expected, problem);
        Assert.False(MarketStateRules.AllowsMakerQuotes(MarketState.ChallengeWindow));
        Assert.False(MarketStateRules.AllowsReducingOrders(MarketState.ChallengeWindow));
    }

    [Theory]
    // Full size until 2 h before WindDown, linear down to 0 at the start of WindDown, 0 from then on.
    [InlineData(-3 * Hour, 1_000_000)]
    [InlineData(-30 * Minute - 2 * Hour, 1_000_000)]
    [InlineData(-30 * Minute - Hour, 500_000)]
    [InlineData(-30 * Minute - 1, 0)] // 1 ms of 2 h is 0.14 ppm, rounded down
    [InlineData(-30 * Minute, 0)]
    [InlineData(-Minute, 0)]
    [InlineData(Hour, 0)]
    public void SizeTaper_InPartsPerMillion(long relativeToEnd, int expectedPpm)
    {
        Assert.Equal(expectedPpm, TimeModel.SizeScalePpm(Market(), End + relativeToEnd, Options));
    }

    [Fact]
    public void SizeTaper_WithoutAnEndDate_IsZero() =>
        Assert.Equal(0, TimeModel.SizeScalePpm(Market(x => x.EndMs = null), End - 100 * Hour, Options));

    [Fact]
    public void AllowTable_MatchesTheDocumentedTable()
    {
        // state: maker quotes, reducing orders, cancels, cancel-all on entry
        (MarketState, bool, bool, bool)[] table =
        [
            (MarketState.Active, true, true, false),
            (MarketState.WindDown, false, true, false),
            (MarketState.PreEvent, false, false, true),
            (MarketState.ChallengeWindow, false, false, true),
            (MarketState.Resolved, false, false, true),
            (MarketState.Halted, false, false, true),
        ];
        Assert.Equal(Enum.GetValues<MarketState>().Length, table.Length);
        foreach (var (state, quotes, reducing, cancelAll) in table)
        {
            Assert.Equal(quotes, MarketStateRules.AllowsMakerQuotes(state));
            Assert.Equal(reducing, MarketStateRules.AllowsReducingOrders(state));
            Assert.True(MarketStateRules.AllowsCancels(state));
            Assert.Equal(cancelAll, MarketStateRules.RequiresCancelAll(state));
        }
    }

    [Fact]
    public void Options_RejectNegativeMargins()
    {
        Assert.Throws<ArgumentException>(() => new TimeModelOptions { WindDownMs = -1 }.Validate());
        Assert.Throws<ArgumentException>(() => new TimeModelOptions { ChallengeWindowMs = 0 }.Validate());
    }
}
