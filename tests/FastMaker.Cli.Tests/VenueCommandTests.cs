using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using FastMaker.Cli.Commands;
using FastMaker.Cli.VenueLoad;

namespace FastMaker.Cli.Tests;

/// <summary><c>fastmaker venue</c> as a real child process (service lines, dates moved to now, clean SIGTERM) and
/// <c>fastmaker venue-load</c> against it.</summary>
[Collection("Console")]
public sealed class VenueCommandTests
{
    [Fact]
    public async Task Venue_PrintsServiceLines_ShiftsDatesToNow_AcceptsLoad_AndExitsZeroOnSigterm()
    {
        using var venue = await VenueProcess.StartAsync("--scenario", "calm", "--no-rate-limits");
        Assert.StartsWith("http://127.0.0.1:", venue.ClobUrl);
        Assert.StartsWith("ws://127.0.0.1:", venue.WsUrl);
        Assert.StartsWith("http://127.0.0.1:", venue.GammaUrl);

        // calm is written for 2026-05-01 with markets ending a day to a month later: shifted, none has ended.
        using (var http = new HttpClient())
        using (var doc = JsonDocument.Parse(await http.GetStringAsync(venue.GammaUrl + "/markets")))
        {
            Assert.Equal(2, doc.RootElement.GetArrayLength());
            foreach (var m in doc.RootElement.EnumerateArray())
            {
                var end = DateTimeOffset.Parse(m.GetProperty("endDate").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
                Assert.True(end > DateTimeOffset.UtcNow, "market " + m.GetProperty("slug").GetString() + " ended " + end);
                Assert.True(m.GetProperty("acceptingOrders").GetBoolean());
            }
        }

        var (code, output, error) = await RunLoadAsync(new VenueLoadSettings
        {
            ClobUrl = venue.ClobUrl!, GammaUrl = venue.GammaUrl!, Orders = 120, Connections = 2, VenuePid = venue.Id,
        });
        Assert.True(code == 0, "exit " + code + "\n" + output + "\n" + error + "\n" + venue.Output);
        Assert.Contains("120 of 120 posts accepted", output);
        Assert.Contains("venue CPU", output);
        Assert.DoesNotContain("REJECT", output);

        venue.Terminate();
        Assert.True(await venue.WaitForExitAsync(TimeSpan.FromSeconds(60)), "no exit after SIGTERM:\n" + venue.Output);
        Assert.True(venue.ExitCode == 0, "exit " + venue.ExitCode + "\n" + venue.Output);
        Assert.Contains("venue: stopped", venue.Output);
    }

    [Fact]
    public async Task VenueLoad_NoVenueListening_FailsSetUpWithExitCode1()
    {
        int port;
        using (var l = new TcpListener(IPAddress.Loopback, 0))
        {
            l.Start();
            port = ((IPEndPoint)l.LocalEndpoint).Port;
        }
        var url = "http://127.0.0.1:" + port;
        var (code, _, error) = await RunLoadAsync(new VenueLoadSettings { ClobUrl = url, GammaUrl = url, Orders = 10 });
        Assert.Equal(1, code);
        Assert.StartsWith("venue-load: set-up failed", error);
    }

    [Theory]
    [InlineData(0, 4)]
    [InlineData(10, 0)]
    [InlineData(10, 65)]
    public async Task VenueLoad_BadCounts_AreRejectedWithExitCode2(int orders, int connections)
    {
        var (code, _, error) = await RunLoadAsync(new VenueLoadSettings { ClobUrl = "http://127.0.0.1:1", GammaUrl = "http://127.0.0.1:1", Orders = orders, Connections = connections });
        Assert.Equal(2, code);
        Assert.Contains("--orders must be at least 1", error);
    }

    [Fact]
    public async Task ResponseReader_ReadsContentLengthAndChunkedBodies_SplitAcrossPackets()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        using var client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await client.ConnectAsync((IPEndPoint)listener.LocalEndpoint);
        using var server = await listener.AcceptSocketAsync();
        server.NoDelay = true;
        var reader = new HttpResponseReader(client, bufferBytes: 256);

        string[] parts =
        [
            "HTTP/1.1 200 OK\r\nContent-Le", "ngth: 5\r\n\r\nhel", "lo",
            "HTTP/1.1 400 Bad Request\r\ntransfer-encoding: chunked\r\n\r\n4\r\n{\"er\r\n", "9\r\nror\":\"x\"}\r\n0\r\n\r\n",
            "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n",
        ];
        var writer = Task.Run(async () =>
        {
            foreach (var p in parts)
            {
                server.Send(Encoding.ASCII.GetBytes(p));
                await Task.Delay(20);
            }
            server.Shutdown(SocketShutdown.Send);
        });

        Assert.True(reader.TryRead(out int status, out var body));
        Assert.Equal(200, status);
        Assert.Equal("hello", Encoding.ASCII.GetString(body));
        Assert.True(reader.TryRead(out status, out body));
        Assert.Equal(400, status);
        Assert.Equal("{\"error\":\"x\"}", Encoding.ASCII.GetString(body));
        Assert.True(reader.TryRead(out status, out body));
        Assert.Equal(200, status);
        Assert.Equal(0, body.Length);
        Assert.False(reader.TryRead(out _, out _)); // the peer closed
        await writer;
    }

    [Fact]
    public async Task ResponseReader_GarbageStatusLine_IsInvalidData()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        using var client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await client.ConnectAsync((IPEndPoint)listener.LocalEndpoint);
        using var server = await listener.AcceptSocketAsync();
        server.Send("NOT HTTP\r\n\r\n"u8.ToArray());
        var reader = new HttpResponseReader(client);
        Assert.Throws<InvalidDataException>(() => reader.TryRead(out _, out _));
    }

    private static async Task<(int Code, string Output, string Error)> RunLoadAsync(VenueLoadSettings settings)
    {
        var oldOut = Console.Out;
        var oldError = Console.Error;
        var output = new StringWriter();
        var error = new StringWriter();
        try
        {
            Console.SetOut(output);
            Console.SetError(error);
            int code = await VenueLoadCommand.RunAsync(settings, CancellationToken.None);
            return (code, output.ToString(), error.ToString());
        }
        finally
        {
            Console.SetOut(oldOut);
            Console.SetError(oldError);
        }
    }
}
