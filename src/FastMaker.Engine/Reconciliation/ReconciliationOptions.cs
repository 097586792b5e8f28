namespace FastMaker.Engine.Reconciliation;

/// <summary>Settings of reconciliation with the venue.</summary>
public sealed class ReconciliationOptions
{
    /// <summary>Adopt open venue orders we do not know as ours (origin Adopted) instead of cancelling them (the default).</summary>
    public bool AdoptUnknownOrders { get; init; }

    /// <summary>
    /// Compare positions with the net of the venue's trades. Valid only when the trade list covers the positions'
    /// whole history (the runner fetches every trade of the account); off for accounts with older holdings.
    /// </summary>
    public bool ComparePositions { get; init; } = true;

    /// <summary>Seconds between reconciliations after the start-up one.</summary>
    public int IntervalSeconds { get; init; } = 60;
}
