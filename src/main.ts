// The composition root: the only place that wires sensors, session, core, storage and ui together.
export {};
