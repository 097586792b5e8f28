using System.Diagnostics;
using System.Globalization;
using FastMaker.Polymarket.Signing;

// Recovers 256 fixed signatures (random keys and digests, seed 5) BATCHES times and prints the process CPU time per
// recovery: on a shared, loaded machine CPU time moves far less than wall time, so before/after pairs of this
// number resolve a few per cent where BenchmarkDotNet's wall-clock medians cannot.
int batches = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 60;
var random = new Random(5);
var key = new byte[32];
var digests = new byte[256][];
var signatures = new byte[256][];
for (int i = 0; i < 256; i++)
{
    random.NextBytes(key);
    key[0] &= 0x7F;
    key[31] |= 1;
    digests[i] = new byte[32];
    random.NextBytes(digests[i]);
    signatures[i] = new byte[65];
    Secp256k1.SignDeterministic(key, digests[i], signatures[i]);
}
var address = new byte[20];
for (int w = 0; w < 4; w++)
    for (int i = 0; i < 256; i++) Secp256k1.TryRecoverAddress(digests[i], signatures[i], address);

var process = Process.GetCurrentProcess();
var cpuBefore = process.TotalProcessorTime;
var wall = Stopwatch.StartNew();
for (int b = 0; b < batches; b++)
    for (int i = 0; i < 256; i++)
        if (!Secp256k1.TryRecoverAddress(digests[i], signatures[i], address)) throw new InvalidOperationException("recovery failed");
process.Refresh();
double n = 256.0 * batches;
double cpuUs = (process.TotalProcessorTime - cpuBefore).TotalMicroseconds / n;
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"recovery: {cpuUs:F1} us CPU/call, {wall.Elapsed.TotalMicroseconds / n:F1} us wall/call over {n:F0} calls"));
