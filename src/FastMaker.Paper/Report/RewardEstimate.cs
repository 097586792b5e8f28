namespace FastMaker.Paper.Report;

/// <summary>Estimated liquidity rewards of one provenance from the store's reward samples.</summary>
public sealed class RewardEstimate
{
    /// <summary>The estimate's formula and inputs.</summary>
    public string Formula { get; init; } =
        "reward = Σ_samples (our_q_min / total_q_min) x daily_pool x duration_ms / 86400000; q_min per PROTOCOL.md 8.1: "
        + "S(v,s) = ((v - s)/v)^2 per share, Q_one/Q_two summed over both sides, Q_min = max(min(Q_one,Q_two), max(Q_one,Q_two)/3) "
        + "for mid in [0.10, 0.90], else min(Q_one,Q_two); an estimate: the venue samples each minute at random and pays daily";

    /// <summary>False when the store holds no usable sample: <see cref="Reward"/> is then null.</summary>
    public required bool Available { get; init; }

    /// <summary>Samples used.</summary>
    public required int Samples { get; init; }

    /// <summary>Samples skipped as impossible (our Q above the book's total, or a total of zero with ours above zero).</summary>
    public required int SamplesInvalid { get; init; }

    /// <summary>The time-weighted mean of our share of Q_min.</summary>
    public double? MeanShare { get; init; }

    /// <summary>Estimated reward, collateral.</summary>
    public double? Reward { get; init; }
}
