from backtone.entrypoints.cli.app import main

main()
