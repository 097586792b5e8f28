namespace FastMaker.Polymarket.Orders;

/// <summary>The exchange order version (EIP-712 domain version). V1 is rejected by the venue since 2026-04-28.</summary>
public enum OrderVersion : byte
{
    /// <summary>Legacy V1 (not built; kept so that a <c>/version</c> reply of 1 is recognised).</summary>
    V1 = 1,
    /// <summary>V2: domain version "2", standard or negRisk exchange.</summary>
    V2 = 2,
    /// <summary>V3: domain version "3", one exchange per chain; same struct as V2.</summary>
    V3 = 3,
}
