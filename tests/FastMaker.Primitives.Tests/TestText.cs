using System.Text;

namespace FastMaker.Primitives.Tests;

internal static class TestText
{
    public static byte[] Utf8(string s) => Encoding.UTF8.GetBytes(s);

    public static string FormatPrice(Price p)
    {
        Span<byte> buf = stackalloc byte[32];
        Assert.True(p.TryFormat(buf, out int n));
        return Encoding.UTF8.GetString(buf.Slice(0, n));
    }
}
