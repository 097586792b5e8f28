using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace FastMaker.Cli.VenueLoad;

/// <summary>
/// Sends a <see cref="LoadPlan"/>: one blocking keep-alive socket and one thread per connection, each writing its
/// pre-built requests one after another and reading each response before the next (like wrk without pipelining).
/// The window opens when every socket is connected and closes when the last response is read.
/// </summary>
internal static class LoadRunner
{
    /// <summary>Runs the plan; never throws for a refused post or a closed connection (they are in the result), only
    /// <see cref="SocketException"/> when a socket cannot connect.</summary>
    public static LoadResult Run(LoadPlan plan, VenueLoadSettings settings)
    {
        int connections = plan.Requests.Length;
        var sockets = new Socket[connections];
        try
        {
            for (int c = 0; c < connections; c++)
            {
                sockets[c] = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true, ReceiveTimeout = 30_000, SendTimeout = 30_000 };
                sockets[c].Connect(new IPEndPoint(IPAddress.Parse(plan.Host == "localhost" ? "127.0.0.1" : plan.Host), plan.Port));
            }
        }
        catch (SocketException)
        {
            foreach (var s in sockets) s?.Dispose();
            throw;
        }
        // Every request carries the same POLY_TIMESTAMP: stop sending one second before the venue would refuse it.
        long validForMs = (plan.TimestampSeconds + settings.TimestampWindowSeconds - 1 - DateTimeOffset.UtcNow.ToUnixTimeSeconds()) * 1000;
        long deadline = Environment.TickCount64 + validForMs;

        var workers = new Worker[connections];
        var threads = new Thread[connections];
        using var go = new ManualResetEventSlim(false);
        for (int c = 0; c < connections; c++)
        {
            var w = workers[c] = new Worker(sockets[c], plan.Requests[c], deadline, go);
            threads[c] = new Thread(w.Run) { IsBackground = true, Name = "venue-load-" + c };
            threads[c].Start();
        }
        double? venueBefore = settings.VenuePid > 0 ? ProcessCpu.Seconds(settings.VenuePid) : null;
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var sw = Stopwatch.StartNew();
        go.Set();
        foreach (var t in threads) t.Join();
        sw.Stop();
        var cpuAfter = Process.GetCurrentProcess().TotalProcessorTime;
        double? venueAfter = settings.VenuePid > 0 ? ProcessCpu.Seconds(settings.VenuePid) : null;
        foreach (var s in sockets) s.Dispose();

        var rejects = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var failures = new List<string>();
        int sent = 0, accepted = 0;
        foreach (var w in workers)
        {
            sent += w.Sent;
            accepted += w.Accepted;
            foreach (var (k, n) in w.Rejects) rejects[k] = rejects.GetValueOrDefault(k) + n;
            if (w.Failure is not null) failures.Add(w.Failure);
        }
        return new LoadResult
        {
            Sent = sent,
            Accepted = accepted,
            Rejects = rejects,
            Failures = failures,
            Elapsed = sw.Elapsed,
            ClientCpuSeconds = (cpuAfter - cpuBefore).TotalSeconds,
            VenueCpuSeconds = venueBefore is { } b && venueAfter is { } a ? a - b : null,
        };
    }

    private sealed class Worker(Socket socket, byte[][] requests, long deadline, ManualResetEventSlim go)
    {
        public int Sent;
        public int Accepted;
        public readonly Dictionary<string, int> Rejects = new(StringComparer.Ordinal);
        public string? Failure;

        public void Run()
        {
            var reader = new HttpResponseReader(socket);
            go.Wait();
            try
            {
                foreach (byte[] request in requests)
                {
                    if (Environment.TickCount64 >= deadline)
                    {
                        Failure = "stopped after " + Sent + " requests: the shared POLY_TIMESTAMP would leave the venue's window (send fewer orders)";
                        return;
                    }
                    socket.Send(request);
                    Sent++;
                    if (!reader.TryRead(out int status, out ReadOnlySpan<byte> body))
                    {
                        Failure = "the venue closed the connection after " + Sent + " requests";
                        return;
                    }
                    if (status == 200)
                    {
                        Accepted++;
                        continue;
                    }
                    // Off the fast path: any refusal is a bug in this harness or in the venue, so each is kept verbatim.
                    string key = status + " " + Encoding.UTF8.GetString(body);
                    Rejects[key] = Rejects.GetValueOrDefault(key) + 1;
                }
            }
            catch (Exception e) when (e is SocketException or InvalidDataException)
            {
                Failure = e.GetType().Name + ": " + e.Message + " after " + Sent + " requests";
            }
        }
    }
}
