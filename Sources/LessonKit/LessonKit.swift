import NetSim
