namespace FastMaker.Polymarket.Rest;

/// <summary>
/// The five L2 header values of one request whose signature was computed before sending (by the engine's sign stage,
/// or by the sender for a batch). <see cref="ToString"/> hides the passphrase.
/// </summary>
/// <param name="Address">POLY_ADDRESS: the signer EOA.</param>
/// <param name="Signature">POLY_SIGNATURE: the url-safe base64 HMAC over timestamp + method + path + body.</param>
/// <param name="TimestampSeconds">POLY_TIMESTAMP: the unix seconds the signature covers.</param>
/// <param name="ApiKey">POLY_API_KEY.</param>
/// <param name="Passphrase">POLY_PASSPHRASE.</param>
public readonly record struct L2HeaderValues(string Address, string Signature, long TimestampSeconds, string ApiKey, string Passphrase)
{
    /// <summary>The header values without the passphrase.</summary>
    public override string ToString() => "L2HeaderValues { Address = " + Address + ", TimestampSeconds = " + TimestampSeconds + ", ApiKey = " + ApiKey + ", Passphrase = *** }";
}
