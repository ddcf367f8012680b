/*
 * Copyright (c) 2024 Netra Inc.
 * SPDX-License-Identifier: MIT
 */
// Engine bootstrap helpers.
import { EngineContext } from '../agents/execution_engine_consolidated';
import { UserExecutionEngine } from '../agents/supervisor/user_execution_engine';

export const start = (context: EngineContext): UserExecutionEngine => new UserExecutionEngine(context);
