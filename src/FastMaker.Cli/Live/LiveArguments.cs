using System.Globalization;
using FastMaker.Polymarket.Orders;
using FastMaker.Primitives;

namespace FastMaker.Cli.Live;

/// <summary>
/// Turns the raw options of <c>fastmaker live</c> into <see cref="LiveSettings"/>, or a one-line reason why not. The
/// private key is only located here (a readable file, or a set environment variable), never read or echoed.
/// </summary>
public static class LiveArguments
{
    /// <summary>The environment variable read when no <c>--key-file</c> is given.</summary>
    public const string KeyVariable = "FASTMAKER_PRIVATE_KEY";

    /// <summary>The raw option values, as parsed.</summary>
    public sealed class Raw
    {
        /// <summary><c>--clob</c>.</summary>
        public string? Clob { get; init; }

        /// <summary><c>--ws</c>.</summary>
        public string? Ws { get; init; }

        /// <summary><c>--gamma</c>.</summary>
        public string? Gamma { get; init; }

        /// <summary><c>--key-file</c>.</summary>
        public string? KeyFile { get; init; }

        /// <summary><c>--funder</c>.</summary>
        public string? Funder { get; init; }

        /// <summary><c>--signature-type</c>.</summary>
        public int SignatureType { get; init; }

        /// <summary><c>--chain-id</c>.</summary>
        public long ChainId { get; init; } = 137;

        /// <summary><c>--store</c>.</summary>
        public string? Store { get; init; }

        /// <summary><c>--seconds</c>.</summary>
        public int Seconds { get; init; }

        /// <summary><c>--markets</c> (comma-separated condition ids).</summary>
        public string? Markets { get; init; }

        /// <summary><c>--profile</c>.</summary>
        public string? Profile { get; init; }

        /// <summary><c>--json</c>.</summary>
        public string? Json { get; init; }

        /// <summary><c>--adopt-resting</c>.</summary>
        public bool AdoptResting { get; init; }
    }

    /// <summary>Validates <paramref name="raw"/>; <paramref name="environment"/> reads variables (tests pass their own).</summary>
    public static bool TryCreate(Raw raw, Func<string, string?> environment, out LiveSettings? settings, out string? error)
    {
        ArgumentNullException.ThrowIfNull(raw);
        ArgumentNullException.ThrowIfNull(environment);
        settings = null;
        if (!TryUrl(raw.Clob, "--clob", false, out var clob, out error)
            || !TryUrl(raw.Ws, "--ws", true, out var ws, out error)
            || !TryUrl(raw.Gamma, "--gamma", false, out var gamma, out error))
        {
            return false;
        }

        if (raw.KeyFile is { } keyFile)
        {
            if (!File.Exists(keyFile))
            {
                error = "--key-file: no such file: " + keyFile;
                return false;
            }
        }
        else if (string.IsNullOrWhiteSpace(environment(KeyVariable)))
        {
            error = "no private key: give --key-file PATH or set " + KeyVariable + " (a key is never taken on the command line)";
            return false;
        }

        if (raw.SignatureType is < 0 or > (int)SignatureType.Poly1271)
        {
            error = "--signature-type must be 0 (EOA), 1 (proxy), 2 (Safe) or 3 (EIP-1271), not " + raw.SignatureType.ToString(CultureInfo.InvariantCulture);
            return false;
        }

        EthAddress? funder = null;
        if (raw.Funder is { } funderText)
        {
            if (!EthAddress.TryParse(funderText.AsSpan(), out var parsed))
            {
                error = "--funder is not a 0x-prefixed 20-byte hex address: " + funderText;
                return false;
            }

            funder = parsed;
        }
        else if (raw.SignatureType != (int)SignatureType.Eoa)
        {
            error = "--signature-type " + raw.SignatureType.ToString(CultureInfo.InvariantCulture) + " needs --funder (the proxy or Safe address)";
            return false;
        }

        if (raw.ChainId < 1)
        {
            error = "--chain-id must be positive";
            return false;
        }

        if (raw.Seconds < 0)
        {
            error = "--seconds must be 0 (run until SIGINT or SIGTERM) or more";
            return false;
        }

        if (!TryProfile(raw.Profile, out var profile))
        {
            error = "--profile must be conservative, production or demo, not '" + raw.Profile + "'";
            return false;
        }

        if (!TryMarkets(raw.Markets, out var markets, out error)
            || !TryParentDirectory(raw.Store, "--store", out error)
            || !TryParentDirectory(raw.Json, "--json", out error))
        {
            return false;
        }

        settings = new LiveSettings
        {
            ClobUrl = clob!,
            WsUrl = ws!,
            GammaUrl = gamma!,
            KeyFile = raw.KeyFile,
            Funder = funder,
            SignatureType = (SignatureType)raw.SignatureType,
            ChainId = raw.ChainId,
            StorePath = raw.Store,
            Seconds = raw.Seconds,
            Markets = markets,
            Profile = profile,
            JsonPath = raw.Json,
            AdoptRestingOrders = raw.AdoptResting,
        };
        return true;
    }

    internal static bool TryUrl(string? text, string name, bool webSocket, out Uri? uri, out string? error)
    {
        uri = null;
        error = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = name + " is required";
            return false;
        }

        if (!Uri.TryCreate(text.TrimEnd('/'), UriKind.Absolute, out var parsed))
        {
            error = name + " is not an absolute URL: " + text;
            return false;
        }

        var ok = webSocket ? parsed.Scheme is "ws" or "wss" : parsed.Scheme is "http" or "https";
        if (!ok)
        {
            error = name + " must be a " + (webSocket ? "ws:// or wss://" : "http:// or https://") + " URL, not " + text;
            return false;
        }

        uri = parsed;
        return true;
    }

    internal static bool TryProfile(string? text, out LiveProfile profile)
    {
        switch (text?.ToLowerInvariant())
        {
            case null or "conservative":
                profile = LiveProfile.Conservative;
                return true;
            case "production":
                profile = LiveProfile.Production;
                return true;
            case "demo":
                profile = LiveProfile.Demo;
                return true;
            default:
                profile = default;
                return false;
        }
    }

    internal static bool TryMarkets(string? text, out List<string> markets, out string? error)
    {
        markets = new List<string>();
        error = null;
        if (text is null)
        {
            return true;
        }

        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Hash32.TryParse(part.AsSpan(), out _))
            {
                error = "--markets: '" + part + "' is not a condition id (0x and 64 hex digits)";
                return false;
            }

            markets.Add(part);
        }

        if (markets.Count == 0)
        {
            error = "--markets lists no condition id";
            return false;
        }

        return true;
    }

    internal static bool TryParentDirectory(string? path, string name, out string? error)
    {
        error = null;
        if (path is null)
        {
            return true;
        }

        if (Path.GetDirectoryName(Path.GetFullPath(path)) is { } dir && !Directory.Exists(dir))
        {
            error = "the directory of " + name + " does not exist: " + dir;
            return false;
        }

        return true;
    }
}
