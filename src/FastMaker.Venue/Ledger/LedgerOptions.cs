using FastMaker.Primitives;

namespace FastMaker.Venue.Ledger;

/// <summary>Ledger configuration.</summary>
public sealed class LedgerOptions
{
    /// <summary>When true, an address that creates an API key is funded once with <see cref="NewAddressCollateral"/>.</summary>
    public bool FundNewAddresses { get; init; }

    /// <summary>Collateral given to a new address when <see cref="FundNewAddresses"/> is on.</summary>
    public Amount NewAddressCollateral { get; init; } = Amount.FromRaw(10_000_000_000);
}
