namespace AirisEpm.PromQl.Ast;

/// <summary>Binary operators, in Prometheus's precedence groups (lowest first: or; and/unless; comparisons; +/-; * / % atan2; ^).</summary>
public enum BinaryOp
{
    Add,
    Sub,
    Mul,
    Div,
    Mod,
    Pow,
    Atan2,
    Eql,
    Neq,
    Gtr,
    Lss,
    Gte,
    Lte,
    And,
    Or,
    Unless,
}

/// <summary>Aggregation operators.</summary>
public enum AggregateOp
{
    Sum,
    Avg,
    Min,
    Max,
    Count,
    Group,
    Stddev,
    Stdvar,
    TopK,
    BottomK,
    Quantile,
    CountValues,
}

/// <summary>How a vector/vector binary operation pairs samples.</summary>
public enum VectorMatchCardinality
{
    OneToOne,
    ManyToOne,
    OneToMany,
    ManyToMany,
}
