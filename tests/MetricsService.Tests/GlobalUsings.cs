// metrics-service's label types are PromQl's (see the service's GlobalUsings.cs).
global using Label = AirisEpm.PromQl.Model.Label;
global using LabelSet = AirisEpm.PromQl.Model.LabelSet;
