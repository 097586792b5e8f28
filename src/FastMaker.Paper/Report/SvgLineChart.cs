using System.Globalization;
using System.Net;
using System.Text;

namespace FastMaker.Paper.Report;

/// <summary>
/// A plain line chart as inline SVG: axes with five ticks each, one polyline per series, a legend. Written by hand
/// rather than with ScottPlot so that the HTML needs no native library and no system font (labels are SVG text the
/// browser draws), and so that the same report always gives the same bytes.
/// </summary>
internal static class SvgLineChart
{
    private const int Width = 720;
    private const int Height = 320;
    private const int Left = 80;
    private const int Right = 170;
    private const int Top = 30;
    private const int Bottom = 45;
    private const int MaxPoints = 2_000;
    private static readonly string[] Palette = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f"];

    /// <summary>One line: its name and points (x ascending).</summary>
    public sealed record Series(string Name, double[] X, double[] Y);

    /// <summary>Renders the chart; an empty chart says "no data" instead of drawing axes over nothing.</summary>
    public static string Render(string title, string xLabel, string yLabel, IReadOnlyList<Series> series, bool steps = false)
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{Height}\" viewBox=\"0 0 {Width} {Height}\" role=\"img\">");
        sb.Append(CultureInfo.InvariantCulture, $"<title>{Esc(title)}</title><rect width=\"{Width}\" height=\"{Height}\" fill=\"white\"/>");
        sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{Width / 2}\" y=\"18\" text-anchor=\"middle\" font-family=\"sans-serif\" font-size=\"14\">{Esc(title)}</text>");
        double xMin = double.MaxValue, xMax = double.MinValue, yMin = double.MaxValue, yMax = double.MinValue;
        foreach (var s in series)
        {
            for (var i = 0; i < s.X.Length; i++)
            {
                if (!double.IsFinite(s.X[i]) || !double.IsFinite(s.Y[i]))
                {
                    continue;
                }

                xMin = Math.Min(xMin, s.X[i]);
                xMax = Math.Max(xMax, s.X[i]);
                yMin = Math.Min(yMin, s.Y[i]);
                yMax = Math.Max(yMax, s.Y[i]);
            }
        }

        if (xMin > xMax)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{Width / 2}\" y=\"{Height / 2}\" text-anchor=\"middle\" font-family=\"sans-serif\" font-size=\"13\" fill=\"#888\">no data</text></svg>");
            return sb.ToString();
        }

        if (xMax == xMin)
        {
            xMin -= 1;
            xMax += 1;
        }

        // Always show zero on the y axis: PnL and markouts are read against it.
        yMin = Math.Min(yMin, 0);
        yMax = Math.Max(yMax, 0);
        if (yMax == yMin)
        {
            yMax += 1;
        }

        var pad = (yMax - yMin) * 0.05;
        yMin -= pad;
        yMax += pad;
        var plotW = Width - Left - Right;
        var plotH = Height - Top - Bottom;
        double X(double v) => Left + ((v - xMin) / (xMax - xMin) * plotW);
        double Y(double v) => Top + plotH - ((v - yMin) / (yMax - yMin) * plotH);

        sb.Append(CultureInfo.InvariantCulture, $"<g font-family=\"sans-serif\" font-size=\"11\" fill=\"#333\">");
        for (var k = 0; k <= 4; k++)
        {
            var xv = xMin + ((xMax - xMin) * k / 4);
            var yv = yMin + ((yMax - yMin) * k / 4);
            sb.Append(CultureInfo.InvariantCulture, $"<line x1=\"{F(X(xv))}\" y1=\"{Top}\" x2=\"{F(X(xv))}\" y2=\"{Top + plotH}\" stroke=\"#eee\"/>");
            sb.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" y1=\"{F(Y(yv))}\" x2=\"{Left + plotW}\" y2=\"{F(Y(yv))}\" stroke=\"#eee\"/>");
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(X(xv))}\" y=\"{Top + plotH + 15}\" text-anchor=\"middle\">{Tick(xv)}</text>");
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left - 6}\" y=\"{F(Y(yv) + 4)}\" text-anchor=\"end\">{Tick(yv)}</text>");
        }

        sb.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" y1=\"{F(Y(0))}\" x2=\"{Left + plotW}\" y2=\"{F(Y(0))}\" stroke=\"#999\"/>");
        sb.Append(CultureInfo.InvariantCulture, $"<rect x=\"{Left}\" y=\"{Top}\" width=\"{plotW}\" height=\"{plotH}\" fill=\"none\" stroke=\"#333\"/>");
        sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left + (plotW / 2)}\" y=\"{Height - 8}\" text-anchor=\"middle\">{Esc(xLabel)}</text>");
        sb.Append(CultureInfo.InvariantCulture, $"<text x=\"14\" y=\"{Top + (plotH / 2)}\" text-anchor=\"middle\" transform=\"rotate(-90 14 {Top + (plotH / 2)})\">{Esc(yLabel)}</text>");
        for (var s = 0; s < series.Count; s++)
        {
            var color = Palette[s % Palette.Length];
            var line = series[s];
            var stride = Math.Max(1, line.X.Length / MaxPoints);
            sb.Append(CultureInfo.InvariantCulture, $"<polyline fill=\"none\" stroke=\"{color}\" stroke-width=\"1.6\" points=\"");
            double? lastY = null;
            for (var i = 0; i < line.X.Length; i = NextIndex(i, stride, line.X.Length))
            {
                if (!double.IsFinite(line.X[i]) || !double.IsFinite(line.Y[i]))
                {
                    continue;
                }

                if (steps && lastY is { } ly)
                {
                    sb.Append(CultureInfo.InvariantCulture, $"{F(X(line.X[i]))},{F(Y(ly))} ");
                }

                sb.Append(CultureInfo.InvariantCulture, $"{F(X(line.X[i]))},{F(Y(line.Y[i]))} ");
                lastY = line.Y[i];
            }

            sb.Append("\"/>");
            if (line.X.Length == 1)
            {
                sb.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{F(X(line.X[0]))}\" cy=\"{F(Y(line.Y[0]))}\" r=\"3\" fill=\"{color}\"/>");
            }

            var ly2 = Top + 10 + (s * 16);
            sb.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Width - Right + 10}\" y1=\"{ly2}\" x2=\"{Width - Right + 30}\" y2=\"{ly2}\" stroke=\"{color}\" stroke-width=\"2\"/>");
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{Width - Right + 35}\" y=\"{ly2 + 4}\">{Esc(line.Name)}</text>");
        }

        sb.Append("</g></svg>");
        return sb.ToString();
    }

    // Every stride-th point, and always the last one.
    private static int NextIndex(int i, int stride, int length) =>
        i == length - 1 ? length : Math.Min(i + stride, length - 1);

    private static string F(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);

    private static string Tick(double v) => Math.Abs(v) < 1e-12 ? "0" : v.ToString("G4", CultureInfo.InvariantCulture);

    private static string Esc(string text) => WebUtility.HtmlEncode(text);
}
