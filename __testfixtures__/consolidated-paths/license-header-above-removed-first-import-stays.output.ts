/*
 * Copyright (c) 2024 Netra Inc.
 * SPDX-License-Identifier: MIT
 */
// Engine bootstrap helpers.
import {
  UserExecutionEngine,
  EngineContext,
} from '../agents/supervisor/user_execution_engine';

export const start = (context: EngineContext): UserExecutionEngine => new UserExecutionEngine(context);
