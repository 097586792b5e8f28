using System.Globalization;
using FastMaker.Polymarket.Orders;
using FastMaker.Polymarket.Signing;
using FastMaker.Primitives;

namespace FastMaker.Integration.Tests;

/// <summary>
/// Where the live sanity suite points, from <c>FASTMAKER_LIVE_*</c> environment variables:
/// <list type="table">
/// <item><term>FASTMAKER_LIVE_CLOB_URL</term><description>CLOB REST base, e.g. https://clob.polymarket.com (its presence selects live mode).</description></item>
/// <item><term>FASTMAKER_LIVE_GAMMA_URL</term><description>Gamma base, e.g. https://gamma-api.polymarket.com.</description></item>
/// <item><term>FASTMAKER_LIVE_WS_URL</term><description>WebSocket base, e.g. wss://ws-subscriptions-clob.polymarket.com/ws (the market channel is {base}/market).</description></item>
/// <item><term>FASTMAKER_LIVE_PRIVATE_KEY_FILE</term><description>Path of a file holding the signer's hex private key; or</description></item>
/// <item><term>FASTMAKER_LIVE_PRIVATE_KEY</term><description>the hex private key itself. Never a command-line argument; never printed.</description></item>
/// <item><term>FASTMAKER_LIVE_FUNDER</term><description>The funder (maker) address for proxy and Safe wallets; empty for an EOA.</description></item>
/// <item><term>FASTMAKER_LIVE_SIGNATURE_TYPE</term><description>0 EOA (default), 1 POLY_PROXY, 2 POLY_GNOSIS_SAFE, 3 POLY_1271.</description></item>
/// <item><term>FASTMAKER_LIVE_CHAIN_ID</term><description>137 (default) or 80002.</description></item>
/// <item><term>FASTMAKER_LIVE_MARKETS</term><description>Optional comma-separated condition ids to check; default: the first active markets Gamma lists.</description></item>
/// <item><term>FASTMAKER_LIVE_REPORT</term><description>Optional path of the JSON report; default live-sanity-report.json next to the test assembly.</description></item>
/// </list>
/// Without FASTMAKER_LIVE_CLOB_URL the same code runs against the in-process venue (calm scenario, a throwaway key).
/// </summary>
internal sealed class LiveSanityTarget
{
    public const string ClobVariable = "FASTMAKER_LIVE_CLOB_URL";
    public const string GammaVariable = "FASTMAKER_LIVE_GAMMA_URL";
    public const string WsVariable = "FASTMAKER_LIVE_WS_URL";
    public const string KeyFileVariable = "FASTMAKER_LIVE_PRIVATE_KEY_FILE";
    public const string KeyVariable = "FASTMAKER_LIVE_PRIVATE_KEY";
    public const string FunderVariable = "FASTMAKER_LIVE_FUNDER";
    public const string SignatureTypeVariable = "FASTMAKER_LIVE_SIGNATURE_TYPE";
    public const string ChainIdVariable = "FASTMAKER_LIVE_CHAIN_ID";
    public const string MarketsVariable = "FASTMAKER_LIVE_MARKETS";
    public const string ReportVariable = "FASTMAKER_LIVE_REPORT";

    public required bool IsLive { get; init; }

    public required Uri ClobUrl { get; init; }

    public required Uri GammaUrl { get; init; }

    public required Uri WsMarketUrl { get; init; }

    public required EthSigner Signer { get; init; }

    public EthAddress? Funder { get; init; }

    public SignatureType SignatureType { get; init; }

    public long ChainId { get; init; } = ExchangeDomain.Polygon;

    public IReadOnlyList<string> MarketIds { get; init; } = [];

    /// <summary>Reads the live target, or returns null when FASTMAKER_LIVE_CLOB_URL is unset. A partial configuration throws, naming what is missing.</summary>
    /// <param name="lookup">Reads a variable; the process environment when null (tests pass their own).</param>
    public static LiveSanityTarget? FromEnvironment(Func<string, string?>? lookup = null)
    {
        var get = lookup ?? Environment.GetEnvironmentVariable;
        var clob = get(ClobVariable);
        if (string.IsNullOrWhiteSpace(clob))
        {
            return null;
        }

        var gamma = Require(get, GammaVariable);
        var ws = Require(get, WsVariable).TrimEnd('/');
        var keyFile = get(KeyFileVariable);
        EthSigner signer;
        if (!string.IsNullOrWhiteSpace(keyFile))
        {
            signer = EthSigner.FromFile(keyFile);
        }
        else if (get(KeyVariable) is { Length: > 0 } hex)
        {
            signer = EthSigner.FromHex(hex.Trim());
        }
        else
        {
            throw new InvalidOperationException(ClobVariable + " is set but neither " + KeyFileVariable + " nor " + KeyVariable + " is: the live suite needs a signer");
        }

        var funder = get(FunderVariable);
        var type = get(SignatureTypeVariable);
        var chain = get(ChainIdVariable);
        var markets = get(MarketsVariable);
        return new LiveSanityTarget
        {
            IsLive = true,
            ClobUrl = new Uri(clob),
            GammaUrl = new Uri(gamma),
            WsMarketUrl = new Uri(ws + "/market"),
            Signer = signer,
            Funder = string.IsNullOrWhiteSpace(funder) ? null : EthAddress.Parse(funder),
            SignatureType = string.IsNullOrWhiteSpace(type) ? SignatureType.Eoa : ParseEnum(type),
            ChainId = string.IsNullOrWhiteSpace(chain) ? ExchangeDomain.Polygon : long.Parse(chain, CultureInfo.InvariantCulture),
            MarketIds = string.IsNullOrWhiteSpace(markets) ? [] : markets.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
        };
    }

    /// <summary>The in-process venue's endpoints with a fresh throwaway key.</summary>
    public static LiveSanityTarget ForVenue(FastMaker.Venue.Venue venue)
    {
        var key = new byte[32];
        System.Security.Cryptography.RandomNumberGenerator.Fill(key);
        key[0] = 0x01; // well inside the curve order
        return new LiveSanityTarget
        {
            IsLive = false,
            ClobUrl = new Uri(venue.ClobUrl),
            GammaUrl = new Uri(venue.GammaUrl),
            WsMarketUrl = new Uri(venue.WsUrl + "/market"),
            Signer = new EthSigner(key),
            ChainId = venue.Options.ChainId,
        };
    }

    /// <summary>A description safe to print: endpoints and the signer's address, never the key.</summary>
    public string Describe() =>
        (IsLive ? "LIVE " : "in-process venue ") + ClobUrl + ", gamma " + GammaUrl + ", ws " + WsMarketUrl + ", signer " + Signer.AddressChecksummed
        + ", signature type " + SignatureType + (Funder is { } f ? ", funder " + f : string.Empty) + ", chain " + ChainId.ToString(CultureInfo.InvariantCulture);

    private static string Require(Func<string, string?> get, string name) =>
        get(name) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(ClobVariable + " is set but " + name + " is not: set every FASTMAKER_LIVE_* endpoint or none");

    private static SignatureType ParseEnum(string text) =>
        byte.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value <= (byte)SignatureType.Poly1271
            ? (SignatureType)value
            : throw new InvalidOperationException(SignatureTypeVariable + " must be 0, 1, 2 or 3, not '" + text + "'");
}
