using System.Globalization;
using System.Text;
using FastMaker.Primitives;
using FastMaker.Polymarket.Signing;
using FastMaker.Venue.Auth;
using FastMaker.Venue.Server;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace FastMaker.Venue.Api;

/// <summary>L1 endpoints: POST /auth/api-key and GET /auth/derive-api-key, verified by recovering the ClobAuth EIP-712 signature.</summary>
internal static class AuthEndpoints
{
    public const string InvalidL1 = "Invalid L1 Request headers";
    public const string CouldNotCreate = "Could not create api key";
    public const string CouldNotDerive = "Could not derive api key!";

    public static void Map(WebApplication app, VenueRuntime rt, Action<string> onNewAddress)
    {
        app.MapPost("/auth/api-key", c => HandleAsync(c, rt, create: true, onNewAddress));
        app.MapGet("/auth/derive-api-key", c => HandleAsync(c, rt, create: false, onNewAddress));
    }

    private static async Task HandleAsync(HttpContext c, VenueRuntime rt, bool create, Action<string> onNewAddress)
    {
        var h = c.Request.Headers;
        if (!TryVerifyL1(h["POLY_ADDRESS"].ToString(), h["POLY_SIGNATURE"].ToString(), h["POLY_TIMESTAMP"].ToString(), h["POLY_NONCE"].ToString(),
                (ulong)rt.Options.ChainId, rt.Time.GetUtcNow().ToUnixTimeSeconds(), rt.Options.L2TimestampWindowSeconds, out string address, out ulong nonce))
        {
            await VenueHttp.ErrorAsync(c, 401, InvalidL1).ConfigureAwait(false);
            return;
        }
        ApiCredentials? creds;
        if (create)
        {
            if (!rt.Keys.TryCreate(address, nonce, out creds)) { await VenueHttp.ErrorAsync(c, 400, CouldNotCreate).ConfigureAwait(false); return; }
            onNewAddress(address);
        }
        else if (!rt.Keys.TryDerive(address, nonce, out creds))
        {
            await VenueHttp.ErrorAsync(c, 400, CouldNotDerive).ConfigureAwait(false);
            return;
        }
        await VenueHttp.JsonAsync(c, 200, creds!, static (w, k) =>
        {
            w.WriteStartObject();
            w.WriteString("apiKey"u8, k.ApiKey);
            w.WriteString("secret"u8, k.Secret);
            w.WriteString("passphrase"u8, k.Passphrase);
            w.WriteEndObject();
        }).ConfigureAwait(false);
    }

    /// <summary>Recovers the ClobAuth signature and checks it against POLY_ADDRESS and the timestamp window.</summary>
    internal static bool TryVerifyL1(string addressText, string signatureText, string timestamp, string nonceText, ulong chainId,
        long nowSeconds, int windowSeconds, out string address, out ulong nonce)
    {
        address = "";
        nonce = 0;
        if (!EthAddress.TryParse(addressText.AsSpan(), out var addr)) return false;
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out long ts) || Math.Abs(nowSeconds - ts) > windowSeconds) return false;
        if (nonceText.Length > 0 && !ulong.TryParse(nonceText, NumberStyles.None, CultureInfo.InvariantCulture, out nonce)) return false;
        if (signatureText.Length != 132 || !signatureText.StartsWith("0x", StringComparison.OrdinalIgnoreCase)) return false;
        Span<byte> signature = stackalloc byte[65];
        if (Convert.FromHexString(signatureText.AsSpan(2), signature, out _, out _) != System.Buffers.OperationStatus.Done) return false;
        Span<byte> address20 = stackalloc byte[20];
        Span<byte> structHash = stackalloc byte[32];
        Span<byte> digest = stackalloc byte[32];
        Span<byte> recovered = stackalloc byte[20];
        addr.CopyTo(address20);
        ClobAuthStructHash.Hash(address20, Encoding.ASCII.GetBytes(timestamp), nonce, structHash);
        Eip712.Digest(PolymarketDomains.ClobAuth(chainId).Separator, structHash, digest);
        if (!Secp256k1.TryRecoverAddress(digest, signature, recovered) || !recovered.SequenceEqual(address20)) return false;
        address = addr.ToString().ToLowerInvariant();
        return true;
    }
}
