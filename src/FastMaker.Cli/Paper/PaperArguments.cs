using System.Globalization;
using FastMaker.Cli.Live;
using FastMaker.Primitives;

namespace FastMaker.Cli.Paper;

/// <summary>
/// Checks <c>fastmaker paper</c>'s arguments before anything connects. The three URLs go together (none: the embedded
/// venue). A private key is only located (a readable file, or a set environment variable), never read or echoed; without
/// one a throwaway key signs the paper orders, since nothing is ever sent.
/// </summary>
public static class PaperArguments
{
    /// <summary>Seconds of quoting when none is given: 60 against the embedded venue, 0 (until a signal) against URLs.</summary>
    public const int DefaultEmbeddedSeconds = 60;

    /// <summary>The raw option values.</summary>
    public sealed class Raw
    {
        /// <summary>--clob.</summary>
        public string? Clob { get; init; }

        /// <summary>--ws.</summary>
        public string? Ws { get; init; }

        /// <summary>--gamma.</summary>
        public string? Gamma { get; init; }

        /// <summary>--scenario.</summary>
        public string? Scenario { get; init; }

        /// <summary>--key-file.</summary>
        public string? KeyFile { get; init; }

        /// <summary>--chain-id.</summary>
        public long ChainId { get; init; } = 137;

        /// <summary>--store.</summary>
        public string? Store { get; init; }

        /// <summary>--seconds; null for the default.</summary>
        public int? Seconds { get; init; }

        /// <summary>--markets.</summary>
        public string? Markets { get; init; }

        /// <summary>--profile; null for the default (demo on the embedded venue, conservative otherwise).</summary>
        public string? Profile { get; init; }

        /// <summary>--json.</summary>
        public string? Json { get; init; }

        /// <summary>--seed.</summary>
        public ulong Seed { get; init; } = 1;

        /// <summary>--cancel-credit.</summary>
        public double CancelCredit { get; init; }

        /// <summary>--collateral (USDC).</summary>
        public decimal Collateral { get; init; } = 1_000m;
    }

    /// <summary>Validates <paramref name="raw"/>; on failure <paramref name="error"/> says what is wrong.</summary>
    public static bool TryCreate(Raw raw, Func<string, string?> environment, out PaperSettings? settings, out string? error)
    {
        ArgumentNullException.ThrowIfNull(raw);
        ArgumentNullException.ThrowIfNull(environment);
        settings = null;
        error = null;
        Uri? clob = null, ws = null, gamma = null;
        int given = (string.IsNullOrWhiteSpace(raw.Clob) ? 0 : 1) + (string.IsNullOrWhiteSpace(raw.Ws) ? 0 : 1) + (string.IsNullOrWhiteSpace(raw.Gamma) ? 0 : 1);
        if (given is 1 or 2)
        {
            error = "give all three of --clob, --ws and --gamma, or none of them for the embedded venue";
            return false;
        }

        var embedded = given == 0;
        if (!embedded && (!LiveArguments.TryUrl(raw.Clob, "--clob", false, out clob, out error)
            || !LiveArguments.TryUrl(raw.Ws, "--ws", true, out ws, out error)
            || !LiveArguments.TryUrl(raw.Gamma, "--gamma", false, out gamma, out error)))
        {
            return false;
        }

        if (!embedded && raw.Scenario is not null)
        {
            error = "--scenario runs the embedded venue: it cannot go with --clob, --ws and --gamma";
            return false;
        }

        if (raw.KeyFile is { } keyFile && !File.Exists(keyFile))
        {
            error = "--key-file: no such file: " + keyFile;
            return false;
        }

        if (raw.ChainId < 1)
        {
            error = "--chain-id must be positive";
            return false;
        }

        var seconds = raw.Seconds ?? (embedded ? DefaultEmbeddedSeconds : 0);
        if (seconds < 0)
        {
            error = "--seconds must be 0 (run until SIGINT or SIGTERM) or more";
            return false;
        }

        var profile = embedded ? LiveProfile.Demo : LiveProfile.Conservative;
        if (raw.Profile is not null && !LiveArguments.TryProfile(raw.Profile, out profile))
        {
            error = "--profile must be conservative, production or demo, not '" + raw.Profile + "'";
            return false;
        }

        if (raw.CancelCredit is < 0 or > 1 || double.IsNaN(raw.CancelCredit))
        {
            error = "--cancel-credit must be between 0 and 1, not " + raw.CancelCredit.ToString(CultureInfo.InvariantCulture);
            return false;
        }

        if (raw.Collateral <= 0 || raw.Collateral > 1_000_000_000m)
        {
            error = "--collateral must be a positive amount of USDC up to 1e9, not " + raw.Collateral.ToString(CultureInfo.InvariantCulture);
            return false;
        }

        if (!LiveArguments.TryMarkets(raw.Markets, out var markets, out error)
            || !LiveArguments.TryParentDirectory(raw.Store, "--store", out error)
            || !LiveArguments.TryParentDirectory(raw.Json, "--json", out error))
        {
            return false;
        }

        settings = new PaperSettings
        {
            ClobUrl = clob,
            WsUrl = ws,
            GammaUrl = gamma,
            Scenario = raw.Scenario ?? "calm",
            KeyFile = raw.KeyFile,
            KeyFromEnvironment = raw.KeyFile is null && !string.IsNullOrWhiteSpace(environment(LiveArguments.KeyVariable)),
            ChainId = raw.ChainId,
            StorePath = raw.Store,
            Seconds = seconds,
            Markets = markets,
            Profile = profile,
            JsonPath = raw.Json,
            Seed = raw.Seed,
            CancelCredit = raw.CancelCredit,
            Collateral = Amount.FromRaw((long)decimal.Round(raw.Collateral * Amount.Scale)),
        };
        return true;
    }
}
