namespace FastMaker.Venue.Auth;

/// <summary>An L2 API credential as the venue issued it, bound to the signer address that created it.</summary>
/// <param name="ApiKey">The key (UUID), sent as POLY_API_KEY and as the order's owner.</param>
/// <param name="Secret">Base64url HMAC secret.</param>
/// <param name="Passphrase">Passphrase, sent as POLY_PASSPHRASE.</param>
/// <param name="Address">Lower-case 0x address of the EOA that created the key.</param>
/// <param name="Nonce">The ClobAuth nonce the key was created with.</param>
public sealed record ApiCredentials(string ApiKey, string Secret, string Passphrase, string Address, ulong Nonce);
