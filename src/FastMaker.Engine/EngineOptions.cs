using FastMaker.Engine.Risk;

namespace FastMaker.Engine;

/// <summary>Engine settings that do not belong to one stage's own options.</summary>
public sealed class EngineOptions
{
    /// <summary>A book with no update for this long (ms) is stale: quotes are pulled until it updates. Default 30 s.</summary>
    public long StaleAfterMs { get; init; } = 30_000;

    /// <summary>When an untrusted book asks the transport for a fresh snapshot (rate limit and back-off per asset).</summary>
    public Books.BookResyncOptions Resync { get; init; } = new();

    /// <summary>Risk caps and kill-switch settings (see <see cref="RiskLimits"/> for each default).</summary>
    public RiskLimits Risk { get; init; } = new();

    /// <summary>Order slots of the order tracker (open orders plus remembered terminal ones). Default 4096.</summary>
    public int OrderCapacity { get; init; } = 4096;

    /// <summary>Fill records kept for trade status transitions and rollbacks. Default 16384.</summary>
    public int FillCapacity { get; init; } = 16384;

    /// <summary>The three clocks' margins (wind-down, size taper, pre-event, challenge window).</summary>
    public Time.TimeModelOptions TimeModel { get; init; } = new();
}
