using FastMaker.Engine.Budget;
using FastMaker.Engine.Quoting;

namespace FastMaker.Cli.Demo;

/// <summary>
/// The demo's settings, where they differ from the production defaults: a one-minute run must show fills, so the quotes
/// sit about one tick from fair value (the break-even floor counts the whole maker rebate, the toxicity premium is a third
/// of the default, liquidity rewards are off so quotes are not pushed out to the reward band) and the per-market cooldown
/// is the production profile's 1 s instead of the conservative 30 s. The fills are real fills at the venue either way.
/// </summary>
public static class DemoProfile
{
    /// <summary>Quote settings: half-spread half a tick, full rebate share, toxicity premium 0.01, rewards off; everything else default.</summary>
    public static QuoteOptions Quote { get; } = new()
    {
        BaseHalfSpreadRaw = 5_000,
        MakerRebateShare = 1.0,
        ToxicityPremiumRaw = 10_000,
        RewardsEnabled = false,
    };

    /// <summary>Mutation budget: <see cref="MutationBudgetOptions.Production"/> (1 s per-market cooldown, 1200 per minute).</summary>
    public static MutationBudgetOptions Budget => MutationBudgetOptions.Production;
}
