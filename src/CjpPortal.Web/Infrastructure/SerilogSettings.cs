using Serilog;
using Serilog.Settings.Configuration;

namespace CjpPortal.Web.Infrastructure;

/// <summary>How the <c>Serilog</c> configuration section is read. The assemblies its <c>Using</c>, <c>WriteTo</c> and
/// <c>Enrich</c> entries may name are given here, so that Serilog does not read the whole dependency manifest and
/// scan every referenced assembly at start-up: Serilog itself (levels, filters, enrichers) and the console sink the
/// portal writes to.</summary>
public static class SerilogSettings
{
    public static ConfigurationReaderOptions ReaderOptions { get; } =
        new(typeof(Serilog.ILogger).Assembly, typeof(ConsoleLoggerConfigurationExtensions).Assembly);
}
