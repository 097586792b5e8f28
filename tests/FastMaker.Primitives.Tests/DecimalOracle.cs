using System.Numerics;
using System.Text.RegularExpressions;

namespace FastMaker.Primitives.Tests;

/// <summary>An independent, slow reference for the decimal grammar, built on BigInteger and a regex.</summary>
internal static partial class DecimalOracle
{
    [GeneratedRegex(@"^(-?)(?:([0-9]+)\.?([0-9]*)|\.([0-9]+))$")]
    private static partial Regex Grammar();

    /// <summary>The exact value in 1e-6 units, or null when the text is not a decimal with at most 6 significant decimals.</summary>
    public static BigInteger? RawValue(string text)
    {
        Match m = Grammar().Match(text);
        if (!m.Success)
        {
            return null;
        }

        string integer = m.Groups[2].Success && m.Groups[2].Length > 0 ? m.Groups[2].Value : "0";
        string fraction = m.Groups[3].Success && m.Groups[3].Length > 0 ? m.Groups[3].Value : (m.Groups[4].Success ? m.Groups[4].Value : "");
        string significant = fraction.TrimEnd('0');
        if (significant.Length > 6)
        {
            return null;
        }

        BigInteger raw = (BigInteger.Parse(integer) * 1_000_000) + (significant.Length == 0 ? 0 : BigInteger.Parse(significant.PadRight(6, '0')));
        return m.Groups[1].Value == "-" ? -raw : raw;
    }

    [GeneratedRegex(@"^-?(0|[1-9][0-9]*)(\.[0-9]*[1-9])?$")]
    public static partial Regex Canonical();
}
