from backtone.entrypoints.cli.launch import main

main()
