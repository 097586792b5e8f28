using System.Numerics;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace FastMaker.Primitives.Tests;

/// <summary>FsCheck properties over the whole range of each type; magnitudes are spread log-uniformly by a random shift.</summary>
public class RoundTripProperties
{
    private static string Format(long raw, bool price)
    {
        Span<byte> buf = stackalloc byte[32];
        int n;
        if (price)
        {
            Assert.True(Price.FromRaw((int)raw).TryFormat(buf, out n));
        }
        else
        {
            Assert.True(Amount.FromRaw(raw).TryFormat(buf, out n));
        }

        return Encoding.UTF8.GetString(buf.Slice(0, n));
    }

    [Property(MaxTest = 3000)]
    public bool Price_ParseOfFormat_IsIdentity(DoNotSize<uint> bits, byte shift)
    {
        int raw = (int)((bits.Item >> (shift % 32)) % (Price.Scale + 1));
        string text = Format(raw, price: true);
        return Price.TryParse(Encoding.UTF8.GetBytes(text), out Price p, out ParseError e)
            && e == ParseError.None
            && p.Raw == raw
            && DecimalOracle.Canonical().IsMatch(text)
            && DecimalOracle.RawValue(text) == raw;
    }

    [Property(MaxTest = 3000)]
    public bool Quantity_ParseOfFormat_IsIdentity(DoNotSize<ulong> bits, byte shift)
    {
        long raw = (long)((bits.Item >> 1) >> (shift % 64));
        Span<byte> buf = stackalloc byte[32];
        Assert.True(Quantity.FromRaw(raw).TryFormat(buf, out int n));
        string text = Encoding.UTF8.GetString(buf.Slice(0, n));
        return Quantity.TryParse(buf.Slice(0, n), out Quantity q, out ParseError e)
            && e == ParseError.None
            && q.Raw == raw
            && DecimalOracle.Canonical().IsMatch(text)
            && DecimalOracle.RawValue(text) == raw;
    }

    [Property(MaxTest = 3000)]
    public bool Amount_ParseOfFormat_IsIdentity_BothSigns(DoNotSize<long> bits, byte shift)
    {
        long raw = bits.Item >> (shift % 64);
        string text = Format(raw, price: false);
        return Amount.TryParse(Encoding.UTF8.GetBytes(text), out Amount a, out ParseError e)
            && e == ParseError.None
            && a.Raw == raw
            && DecimalOracle.Canonical().IsMatch(text)
            && DecimalOracle.RawValue(text) == raw;
    }

    // Near-decimals: sign, digits, dot(s), digits, and sometimes one stray character, so every grammar corner is hit often.
    private static readonly Gen<char> Digit = Gen.Elements('0', '0', '0', '1', '5', '9');

    private static readonly Gen<string> DecimalLikeText =
        from sign in Gen.Elements("", "", "", "-", "+")
        from integer in Digit.ArrayOf()
        from dot in Gen.Elements("", ".", ".", ".", "..")
        from fraction in Digit.ArrayOf()
        from junk in Gen.Elements("", "", "", "", "", "e", " ", "x", "-", "\u0660")
        from position in Gen.Choose(0, 40)
        let body = sign + new string(integer) + dot + new string(fraction)
        select body.Insert(Math.Min(position, body.Length), junk);

    // Well-formed decimals with leading zeros, trailing zeros and optional dots: the canonical-form property's input.
    private static readonly Gen<string> WellFormedText =
        from lead in Gen.Choose(0, 2)
        from intDigits in Gen.Elements('0', '1', '2', '5', '9').ArrayOf()
        from dot in Gen.Elements(true, false)
        from fracDigits in Gen.Choose(0, 6)
        from frac in Gen.Elements('0', '3', '7', '9').ArrayOf(fracDigits)
        from trailingZeros in Gen.Choose(0, 4)
        from negative in Gen.Elements(true, false)
        // At most 12 significant integer digits, so every generated value fits an Amount.
        let intPart = new string('0', lead) + new string(intDigits.Length > 12 ? intDigits[..12] : intDigits)
        let fracPart = new string(frac) + new string('0', trailingZeros)
        let body = (dot || fracPart.Length > 0) ? intPart + "." + fracPart : intPart
        where body.Length > 0 && body != "."
        select (negative ? "-" : "") + body;

    [Fact]
    public void AnyText_ParsesExactlyWhenTheOracleDoes()
    {
        Prop.ForAll(DecimalLikeText.ToArbitrary(), text =>
        {
            BigInteger? expected = DecimalOracle.RawValue(text);
            byte[] utf8 = Encoding.UTF8.GetBytes(text);

            bool amountOk = Amount.TryParse(utf8, out Amount a, out ParseError ae);
            bool amountExpected = expected is BigInteger v && v >= long.MinValue && v <= long.MaxValue;
            bool quantityOk = Quantity.TryParse(utf8, out Quantity q, out ParseError qe);
            bool quantityExpected = amountExpected && expected >= 0 && !text.StartsWith('-');
            bool priceOk = Price.TryParse(utf8, out Price p, out ParseError pe);
            bool priceExpected = quantityExpected && expected <= Price.Scale;

            return amountOk == amountExpected && (!amountOk || a.Raw == expected) && (amountOk == (ae == ParseError.None))
                && quantityOk == quantityExpected && (!quantityOk || q.Raw == expected) && (quantityOk == (qe == ParseError.None))
                && priceOk == priceExpected && (!priceOk || p.Raw == expected) && (priceOk == (pe == ParseError.None));
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(5000));
    }

    [Fact]
    public void WellFormedText_FormatsBackCanonically()
    {
        Prop.ForAll(WellFormedText.ToArbitrary(), text =>
        {
            BigInteger expected = DecimalOracle.RawValue(text)!.Value;
            if (!Amount.TryParse(Encoding.UTF8.GetBytes(text), out Amount a, out _))
            {
                return false;
            }

            string formatted = a.ToString();
            return a.Raw == expected
                && DecimalOracle.Canonical().IsMatch(formatted)
                && DecimalOracle.RawValue(formatted) == expected
                && (expected != 0 || formatted == "0");
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(3000));
    }

    [Property(MaxTest = 2000)]
    public bool UInt256_MatchesBigInteger(DoNotSize<ulong> a, DoNotSize<ulong> b, DoNotSize<ulong> c, DoNotSize<ulong> d, byte shift)
    {
        UInt256 original = new(a.Item, b.Item, c.Item, d.Item);
        BigInteger big = UInt256Tests.ToBig(original) >> shift;
        string text = big.ToString();
        if (!UInt256.TryParse(Encoding.UTF8.GetBytes(text), out UInt256 parsed))
        {
            return false;
        }

        Span<byte> buf = stackalloc byte[78];
        return UInt256Tests.ToBig(parsed) == big
            && parsed.TryFormat(buf, out int n)
            && Encoding.UTF8.GetString(buf.Slice(0, n)) == text
            && parsed.ToString() == text;
    }

    [Property(MaxTest = 3000)]
    public bool DivRem128By10Pow19_MatchesUInt128Division(DoNotSize<ulong> high, DoNotSize<ulong> low, byte shift)
    {
        const ulong d = 10_000_000_000_000_000_000UL;
        ulong h = (high.Item >> (shift % 64)) % d;
        UInt128 n = new(h, low.Item);
        ulong q = UInt256.DivRem128By10Pow19(h, low.Item, out ulong r);
        return q == (ulong)(n / d) && r == (ulong)(n % d);
    }

    [Fact]
    public void DivRem128By10Pow19_Edges()
    {
        const ulong d = 10_000_000_000_000_000_000UL;
        foreach (UInt128 n in new UInt128[] { 0, 1, d - 1, d, d + 1, new(d - 1, ulong.MaxValue), new(d - 1, 0), new(1, 0), new(d / 2, d) })
        {
            ulong q = UInt256.DivRem128By10Pow19((ulong)(n >> 64), (ulong)n, out ulong r);
            Assert.Equal((ulong)(n / d), q);
            Assert.Equal((ulong)(n % d), r);
        }
    }

    [Property(MaxTest = 1000)]
    public bool UInt256_AboveMax_IsRejected(DoNotSize<ulong> a, byte extraDigits)
    {
        BigInteger tooBig = UInt256Tests.Max + 1 + (new BigInteger(a.Item) * BigInteger.Pow(10, extraDigits % 5));
        return !UInt256.TryParse(tooBig.ToString().AsSpan(), out _);
    }

    [Property(MaxTest = 1000)]
    public bool Notional_MatchesBigIntegerRounding(int price, DoNotSize<long> size, byte shift, bool up)
    {
        long s = size.Item >> (shift % 64);
        BigInteger product = new BigInteger(price) * s;
        BigInteger down = BigInteger.Divide(product, 1_000_000); // truncates toward zero
        BigInteger expected = up && down * 1_000_000 != product ? down + product.Sign : down;
        bool fits = expected >= long.MinValue && expected <= long.MaxValue;
        bool ok = Notional.TryMultiply(Price.FromRaw(price), Quantity.FromRaw(s), up ? Rounding.Up : Rounding.Down, out Amount a);
        return ok == fits && (!ok || a.Raw == expected);
    }

    [Property(MaxTest = 1000)]
    public bool Notional_FullIntPrice_MatchesBigInteger(DoNotSize<int> price, DoNotSize<long> size, bool up)
    {
        BigInteger product = new BigInteger(price.Item) * size.Item;
        BigInteger down = BigInteger.Divide(product, 1_000_000);
        BigInteger expected = up && down * 1_000_000 != product ? down + product.Sign : down;
        bool fits = expected >= long.MinValue && expected <= long.MaxValue;
        bool ok = Notional.TryMultiply(Price.FromRaw(price.Item), Quantity.FromRaw(size.Item), up ? Rounding.Up : Rounding.Down, out Amount a);
        return ok == fits && (!ok || a.Raw == expected);
    }

    [Property(MaxTest = 2000)]
    public bool Hash32_TextAndBytes_RoundTrip(DoNotSize<ulong> a, DoNotSize<ulong> b, DoNotSize<ulong> c, DoNotSize<ulong> d, int caseSeed)
    {
        byte[] bytes = new byte[32];
        BitConverter.TryWriteBytes(bytes.AsSpan(0), a.Item);
        BitConverter.TryWriteBytes(bytes.AsSpan(8), b.Item);
        BitConverter.TryWriteBytes(bytes.AsSpan(16), c.Item);
        BitConverter.TryWriteBytes(bytes.AsSpan(24), d.Item);
        Hash32 h = Hash32.FromBytes(bytes);
        string lower = h.ToString();

        // Upper-case a pseudo-random subset of the letters: the parse must not care.
        var rng = new Random(caseSeed);
        char[] mixed = lower.ToCharArray();
        for (int i = 1; i < mixed.Length; i++)
        {
            if (rng.Next(2) == 0)
            {
                mixed[i] = char.ToUpperInvariant(mixed[i]);
            }
        }

        return lower == "0x" + Convert.ToHexStringLower(bytes)
            && Hash32.TryParse(Encoding.UTF8.GetBytes(mixed), out Hash32 back)
            && back == h;
    }

    [Property(MaxTest = 1000)]
    public bool TickSize_Rounding_IsAlignedAndOnTheRightSide(DoNotSize<uint> bits, byte tickIndex, bool buy)
    {
        TickSize t = TickSize.TryFromPrice(Price.FromRaw(TickSize.KnownRawValues[tickIndex % 6]), out TickSize k) ? k : default;
        Price p = Price.FromRaw((int)(bits.Item % (Price.Scale + 1)));
        Side side = buy ? Side.Buy : Side.Sell;
        Price away = t.RoundAwayFromTouch(p, side);
        Price toward = t.RoundTowardTouch(p, side);
        int tick = t.Value.Raw;
        bool passive = buy ? away <= p && toward >= p : away >= p && toward <= p;
        return t.IsAligned(away) && t.IsAligned(toward) && passive
            && Math.Abs(away.Raw - p.Raw) < tick && Math.Abs(toward.Raw - p.Raw) < tick
            && (t.IsAligned(p) == (away == p)) && (t.IsAligned(p) == (toward == p));
    }
}
