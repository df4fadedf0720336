using System.Diagnostics.CodeAnalysis;

// AttributeType's members are named after Jaeger's tag types (string, bool, int64, float64, binary) on purpose;
// CA1720 would otherwise fail the build of this project under warnings-as-errors.
[assembly: SuppressMessage("Naming", "CA1720:Identifier contains type name", Scope = "type",
    Target = "~T:AirisEpm.TraceService.Domain.AttributeType", Justification = "Names mirror Jaeger's tag types.")]
