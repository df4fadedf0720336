using System.Diagnostics;
using System.Globalization;
using AirisEpm.Protocols.Ingest;
using AirisEpm.Protocols.Otlp;
using AirisEpm.Protocols.Otlp.Proto;
using AirisEpm.TraceService.Ingest.Otlp;
using AirisEpm.TraceService.Ingest.Zipkin;

namespace AirisEpm.TraceIngest.Benchmarks;

/// <summary>The readers alone, on one thread, no HTTP: protobuf parse + conversion, and the Zipkin reader, in spans/s.</summary>
internal static class ConverterRun
{
    public static void Otlp(byte[] protobuf, int spansPerBody, int spans) =>
        Run("convert: OTLP protobuf parse+convert", spansPerBody, spans, () =>
        {
            var problems = new IngestProblems();
            var request = OtlpBody.Parse(protobuf, json: false, ExportTraceServiceRequest.Parser);
            return OtlpSpanConverter.Convert(request, problems).Count;
        });

    public static void Zipkin(byte[] json, int spansPerBody, int spans) =>
        Run("convert: Zipkin JSON read", spansPerBody, spans, () => ZipkinSpanReader.Read(json, new IngestProblems()).Count);

    private static void Run(string name, int spansPerBody, int spans, Func<int> convert)
    {
        for (var i = 0; i < 200; i++) convert(); // JIT to tier 1
        GC.Collect();
        var rounds = Math.Max(1, spans / spansPerBody);
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        long converted = 0;
        for (var i = 0; i < rounds; i++) converted += convert();
        watch.Stop();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-38} {converted,8} spans {watch.Elapsed.TotalSeconds,6:F2} s {converted / watch.Elapsed.TotalSeconds,10:F0} spans/s CPU {cpu.TotalMicroseconds / converted,6:F2} µs/span"));
    }
}
