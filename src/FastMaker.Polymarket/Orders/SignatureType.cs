namespace FastMaker.Polymarket.Orders;

/// <summary>Order signature types (the signed <c>signatureType</c> field).</summary>
public enum SignatureType : byte
{
    /// <summary>EOA: maker = signer = the key's address.</summary>
    Eoa = 0,
    /// <summary>Polymarket proxy wallet: maker = proxy (funder), signer = EOA.</summary>
    PolyProxy = 1,
    /// <summary>Polymarket Gnosis Safe: maker = safe (funder), signer = EOA.</summary>
    PolyGnosisSafe = 2,
    /// <summary>ERC-1271 deposit wallet: maker = signer = wallet; the signature is the 317-byte wrapped form.</summary>
    Poly1271 = 3,
}
