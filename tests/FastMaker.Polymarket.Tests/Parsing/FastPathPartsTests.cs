using System.Buffers;
using System.Buffers.Text;
using System.Text;
using FastMaker.Polymarket.Parsing;
using FastMaker.Primitives;

namespace FastMaker.Polymarket.Tests.Parsing;

/// <summary>The pieces of the span fast path against the BCL or primitive they stand in for.</summary>
public class FastPathPartsTests
{
    [Fact]
    public void FindStringStop_AgreesWithTheStopSet_ForEveryByte_InTheTableAndVectorRegions()
    {
        for (int b = 0; b < 256; b++)
        {
            bool stop = b < 0x20 || b == '"' || b == '\\' || b >= 0x80;
            foreach (int at in new[] { 0, 5, 15, 16, 17, 40, 100 })
            {
                byte[] data = Enumerable.Repeat((byte)'a', 120).ToArray();
                data[at] = (byte)b;
                int expected = stop ? at : -1;
                Assert.Equal(expected, SpanJson.FindStringStop(data, 0));
            }
        }
    }

    [Fact]
    public void SkipWhitespace_EveryRunLengthAndEnding_MatchesAByteLoop()
    {
        byte[] ws = " \t\r\n"u8.ToArray();
        var random = new Random(5);
        for (int n = 0; n < 3000; n++)
        {
            int length = random.Next(0, 70);
            var data = new byte[length];
            for (int k = 0; k < length; k++)
            {
                data[k] = random.Next(5) == 0 ? (byte)random.Next(256) : ws[random.Next(4)];
            }

            int start = length == 0 ? 0 : random.Next(length + 1);
            int expected = start;
            while (expected < length && ws.Contains(data[expected]))
            {
                expected++;
            }

            Assert.Equal(expected, SpanJson.SkipWhitespace(data, start));
        }
    }

    [Fact]
    public void TokenIdCache_RepeatsCollisionsAndBadText_EqualUInt256TryParse()
    {
        var cache = new TokenIdCache();
        var random = new Random(11);
        var pool = new List<string>();
        for (int k = 0; k < 300; k++)
        {
            // Many ids share their last eight digits, so slots collide and get replaced.
            string id = random.Next(1, int.MaxValue).ToString() + new string((char)('0' + random.Next(10)), random.Next(0, 60)) + "12345678";
            pool.Add(id);
        }

        pool.Add("115792089237316195423570985008687907853269984665640564039457584007913129639935"); // 2^256 - 1
        pool.Add("115792089237316195423570985008687907853269984665640564039457584007913129639936"); // overflow
        pool.Add("1234567x12345678");
        pool.Add("");
        pool.Add("7");
        for (int n = 0; n < 20_000; n++)
        {
            byte[] text = Encoding.ASCII.GetBytes(pool[random.Next(pool.Count)]);
            bool expectedOk = UInt256.TryParse(text, out UInt256 expected);
            bool ok = cache.TryParse(text, out UInt256 actual);
            Assert.Equal(expectedOk, ok);
            Assert.Equal(expected, actual);
        }
    }

    [Fact]
    public void GuidText_CanonicalAndMalformed_EqualsUtf8Parser()
    {
        var random = new Random(3);
        const string alphabet = "0123456789abcdefABCDEF-g{} x";
        for (int n = 0; n < 20_000; n++)
        {
            string text = Guid.NewGuid().ToString(random.Next(3) == 0 ? "D" : "d");
            if (random.Next(2) == 0)
            {
                text = random.Next(2) == 0 ? text.ToUpperInvariant() : text;
                char[] chars = text.ToCharArray();
                chars[random.Next(chars.Length)] = alphabet[random.Next(alphabet.Length)];
                text = random.Next(8) == 0 ? "{" + new string(chars) + "}" : new string(chars);
            }

            byte[] utf8 = Encoding.ASCII.GetBytes(text);
            bool expectedOk = Utf8Parser.TryParse(utf8, out Guid expected, out int consumed, 'D') && consumed == utf8.Length;
            bool ok = GuidText.TryParse(utf8, out Guid actual);
            Assert.Equal(expectedOk, ok);
            if (ok)
            {
                Assert.Equal(expected, actual);
            }
        }
    }
}
