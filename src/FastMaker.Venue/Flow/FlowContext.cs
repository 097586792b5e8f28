using FastMaker.Primitives;
using FastMaker.Venue.Matching;

namespace FastMaker.Venue.Flow;

/// <summary>What agents see and use: the engine, the markets with their latent fair values, the step length.</summary>
public sealed class FlowContext
{
    internal FlowContext(MatchingEngine engine, IReadOnlyList<FlowMarket> markets, TimeSpan step)
    {
        Engine = engine;
        Markets = markets;
        Step = step;
    }

    /// <summary>The engine agents submit to.</summary>
    public MatchingEngine Engine { get; }

    /// <summary>Markets in scenario order.</summary>
    public IReadOnlyList<FlowMarket> Markets { get; }

    /// <summary>Length of one runner step.</summary>
    public TimeSpan Step { get; }

    /// <summary>Rounds a YES fair value to the market's tick, clamped to [tick, 1 - tick]; returns the raw price.</summary>
    public static int RoundToTick(double value, TickSize tick)
    {
        int t = tick.Value.Raw;
        long raw = (long)Math.Round(value * Price.Scale / t, MidpointRounding.AwayFromZero) * t;
        return (int)Math.Clamp(raw, t, Price.Scale - t);
    }
}
