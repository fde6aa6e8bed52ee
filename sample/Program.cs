using KvmSample;

Console.WriteLine("x86 vCPU register sets, as KVM's backends declare them (●: in the set)");
Console.WriteLine();
RegisterTable.Print(Console.Out);
Console.WriteLine();
Walkthrough.Run(Console.Out);
Console.WriteLine();
WideDemo.Run(Console.Out);
