namespace FastMaker.Polymarket.Signing;

/// <summary>An ECDSA nonce prepared off the hot path: r = (kG).x mod n, k^-1 mod n (Montgomery form) and the
/// parity of (kG).y. k itself is discarded once these are computed. Used once, then wiped.</summary>
internal struct PrecomputedNonce
{
    public U256 R;
    public U256 KInverseMont;
    public ulong YParity;

    public void Wipe()
    {
        R.Wipe();
        KInverseMont.Wipe();
        YParity = 0;
    }
}
